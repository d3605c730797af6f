// ncursesw with wide-character calls, plus accessors for what Swift cannot import
// (macros and mutable globals) and the signal-safe terminal restore.
// Only the Curses module includes this.
#ifndef CNCURSESW_H
#define CNCURSESW_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// Attribute bits.
unsigned int cn_attr_bold(void);
unsigned int cn_attr_reverse(void);
unsigned int cn_attr_underline(void);
unsigned int cn_attr_dim(void);
unsigned int cn_color_pair(short pair);

/// Key codes.
int cn_key_f(int n);
/// The key code ncurses gives the key the terminfo capability `capname` describes (e.g.
/// "kLFT5", Ctrl-Left), or -1 when the terminal has no such key.
int cn_key_code_for(const char *capname);

/// The standard screen of the current terminal (the `stdscr` global).
WINDOW *cn_stdscr(void);

/// Screen size of a window.
int cn_rows(WINDOW *win);
int cn_cols(WINDOW *win);

/// Number of colors the terminal supports (the `COLORS` global).
int cn_colors(void);

/// The C standard streams (Swift 6 rejects the mutable globals).
FILE *cn_stdin(void);
FILE *cn_stdout(void);

/// setlocale(LC_ALL, ""), falling back to C.UTF-8 for LC_CTYPE when the environment
/// names no UTF-8 locale. Returns 1 when the character type is UTF-8.
int cn_setup_locale(void);

/// Mouse masks (the default asks for everything of button 1 and the wheel).
mmask_t cn_mouse_mask_default(void);
mmask_t cn_button1_pressed(void);
mmask_t cn_button1_released(void);
mmask_t cn_button1_clicked(void);
mmask_t cn_button1_double_clicked(void);
mmask_t cn_button4_pressed(void);
mmask_t cn_button5_pressed(void);

/// Reads the pending mouse event; returns OK and fills the outputs, or ERR.
int cn_get_mouse(mmask_t *bstate, int *x, int *y);

/// Columns the C library gives one wide character (-1 when unprintable).
int cn_wcwidth(unsigned int wc);

/// Writes one cell of text (a grapheme cluster as wide characters) with attributes.
int cn_put_cell(WINDOW *win, int y, int x, const wchar_t *text, unsigned int attrs, short pair);

/// Signal-safe restore. Installs handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT and the
/// fatal signals (SEGV, BUS, ILL, FPE, ABRT, TRAP): while the session is active they
/// call endwin() and then re-raise to the previous handler (normally the default action;
/// signals that were ignored stay ignored); an atexit hook restores on a plain
/// exit(). Call before newterm() so ncurses does not install its own SIGINT/SIGTERM ones.
void cn_session_begin(void);
/// Marks the session active (after newterm succeeded) or not.
void cn_session_set_active(int active);
/// Marks the session ended and puts back the previous signal handlers.
void cn_session_end(void);
/// 1 while a session is active.
int cn_session_active(void);
/// Ctrl-Z in raw mode: endwin(), stop with SIGTSTP's default action, return on SIGCONT
/// (bracketed paste off while stopped, on again after).
void cn_suspend(void);
/// Turns the terminal's bracketed paste on or off (`ESC[?2004h` / `l`, written to `fd`).
/// While on, every restore (signal, exit, suspend) turns it off first.
void cn_bracketed_paste(int fd, int on);

#endif
