// Tests of TerminalUI go here.
