#include "cncursesw.h"

unsigned int cn_attr_bold(void) { return A_BOLD; }
unsigned int cn_attr_reverse(void) { return A_REVERSE; }
unsigned int cn_attr_underline(void) { return A_UNDERLINE; }
unsigned int cn_attr_dim(void) { return A_DIM; }
unsigned int cn_color_pair(short pair) { return COLOR_PAIR(pair); }

int cn_key_f(int n) { return KEY_F(n); }

int cn_rows(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)x; return y; }
int cn_cols(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)y; return x; }

unsigned long cn_mouse_mask_default(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED
        | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
unsigned long cn_button1_pressed(void) { return BUTTON1_PRESSED; }
unsigned long cn_button1_released(void) { return BUTTON1_RELEASED; }
unsigned long cn_button1_clicked(void) { return BUTTON1_CLICKED; }
unsigned long cn_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
unsigned long cn_button4_pressed(void) { return BUTTON4_PRESSED; }
unsigned long cn_button5_pressed(void) { return BUTTON5_PRESSED; }

int cn_put_cell(WINDOW *win, int y, int x, const wchar_t *text, unsigned int attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}
