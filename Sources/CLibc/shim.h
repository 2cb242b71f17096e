#ifndef CLIBC_SHIM_H
#define CLIBC_SHIM_H
/* C library functions that glibc declares only under feature macros (_XOPEN_SOURCE, _GNU_SOURCE) which Swift's
   Glibc module does not set. They are in libc all the same; declaring them here lets Swift call them directly. */
#include <stddef.h>
#include <wchar.h>
#include <spawn.h>
/* malloc.h (mallopt, M_ARENA_MAX, malloc_trim) is not in Swift's Glibc module: the executable caps malloc's arenas
   and the engine trims the heap after a Flex statement. */
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

/* ncurses measures text with wcwidth(): the cell grid must measure exactly as it does. */
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

/* Pseudo-terminals, for running the real ncurses backend in tests and benchmarks. */
extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern int ptsname_r(int fd, char *buf, size_t buflen);

/* SwiftNIO opens its sockets without close-on-exec: a spawned child must close every inherited descriptor, or it
   keeps listening sockets alive. glibc 2.34 and later. */
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
#endif
