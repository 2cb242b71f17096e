#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* Expose the X/Open wide-character API (cchar_t, wget_wch, mvwaddnwstr, setcchar). Must precede curses.h. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 rejects reads of imported mutable C globals: read them through functions. */
static inline WINDOW *ncs_stdscr(void) { return stdscr; }
static inline int ncs_colors(void) { return COLORS; }
static inline int ncs_color_pairs(void) { return COLOR_PAIRS; }

/* newterm() returns NULL on an unknown TERM; initscr() would print and exit(). */
static inline SCREEN *ncs_newterm(const char *term) { return newterm(term, stdout, stdin); }

/* TERM=dumb has a terminfo entry, so newterm() succeeds, but it cannot address the cursor. */
static inline int ncs_has_cursor_addressing(void) {
  const char *cup = tigetstr("cup");
  return cup != NULL && cup != (const char *)-1;
}

/* A_* are built with the function-like macro NCURSES_BITS(): not importable. static const is. */
static const attr_t NCS_A_NORMAL    = A_NORMAL;
static const attr_t NCS_A_BOLD      = A_BOLD;
static const attr_t NCS_A_DIM       = A_DIM;
static const attr_t NCS_A_REVERSE   = A_REVERSE;
static const attr_t NCS_A_UNDERLINE = A_UNDERLINE;
static const attr_t NCS_A_ITALIC    = A_ITALIC;
static const attr_t NCS_A_COLOR     = A_COLOR;
#endif
