// Tests of IBKR go here.
