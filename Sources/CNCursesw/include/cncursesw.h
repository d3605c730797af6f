// ncursesw with wide-character calls, plus accessors for what Swift cannot import
// (macros and mutable globals). Only the Curses module includes this.
#ifndef CNCURSESW_H
#define CNCURSESW_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
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

/// Screen size of a window.
int cn_rows(WINDOW *win);
int cn_cols(WINDOW *win);

/// Mouse masks.
unsigned long cn_mouse_mask_default(void);
unsigned long cn_button1_pressed(void);
unsigned long cn_button1_released(void);
unsigned long cn_button1_clicked(void);
unsigned long cn_button1_double_clicked(void);
unsigned long cn_button4_pressed(void);
unsigned long cn_button5_pressed(void);

/// Writes one cell of text (a grapheme cluster as wide characters) with attributes.
int cn_put_cell(WINDOW *win, int y, int x, const wchar_t *text, unsigned int attrs, short pair);

#endif
