// The ncurses terminal UI.
