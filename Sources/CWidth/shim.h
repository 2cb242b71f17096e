#ifndef CWIDTH_SHIM_H
#define CWIDTH_SHIM_H
/* ncurses measures text with libc wcwidth(); glibc hides it without _XOPEN_SOURCE, so declare it here.
   The cell grid must measure exactly as ncurses does, or wide characters break column alignment. */
#include <stddef.h>
#include <wchar.h>
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);
#endif
