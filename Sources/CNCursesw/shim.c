#define _XOPEN_SOURCE 700
#include <langinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cncursesw.h"
#include <ncursesw/term.h>

unsigned int cn_attr_bold(void) { return A_BOLD; }
unsigned int cn_attr_reverse(void) { return A_REVERSE; }
unsigned int cn_attr_underline(void) { return A_UNDERLINE; }
unsigned int cn_attr_dim(void) { return A_DIM; }
unsigned int cn_color_pair(short pair) { return COLOR_PAIR(pair); }

int cn_key_f(int n) { return KEY_F(n); }

int cn_key_code_for(const char *capname) {
    char *sequence = tigetstr(capname);
    if (sequence == NULL || sequence == (char *)-1) return -1;
    int code = key_defined(sequence);
    return code > 0 ? code : -1;
}

WINDOW *cn_stdscr(void) { return stdscr; }

int cn_rows(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)x; return y; }
int cn_cols(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)y; return x; }

int cn_colors(void) { return COLORS; }

FILE *cn_stdin(void) { return stdin; }
FILE *cn_stdout(void) { return stdout; }

int cn_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
    // No UTF-8 locale configured (LANG unset): wide characters need one, so try C.UTF-8.
    if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8")) return 1;
    return 0;
}

// Button 1 press/release/click/double-click and the wheel. With mouseinterval(0)
// ncurses reports press and release as they come, and merges them into a click only
// when both arrive in the same read.
mmask_t cn_mouse_mask_default(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED
        | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
mmask_t cn_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }

int cn_get_mouse(mmask_t *bstate, int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *bstate = event.bstate;
    *x = event.x;
    *y = event.y;
    return OK;
}

int cn_wcwidth(unsigned int wc) { return wcwidth((wchar_t)wc); }

int cn_put_cell(WINDOW *win, int y, int x, const wchar_t *text, unsigned int attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

// ---- Signal-safe restore (after htop's CRT.c) ----

static const int cn_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT,
                                  SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
#define CN_NSIGNALS ((int)(sizeof cn_signals / sizeof cn_signals[0]))
static struct sigaction cn_previous[CN_NSIGNALS];
static volatile sig_atomic_t cn_active = 0;
static int cn_atexit_registered = 0;
/// Where bracketed paste was turned on (-1: it is off): turned off there on every restore.
static volatile sig_atomic_t cn_paste_fd = -1;

void cn_bracketed_paste(int fd, int on) {
    if (!on && cn_paste_fd < 0) return;
    const char *seq = on ? "\033[?2004h" : "\033[?2004l";
    ssize_t ignored = write(fd, seq, 8);   // async-signal-safe; nothing to do on failure
    (void)ignored;
    cn_paste_fd = on ? fd : -1;
}

static void cn_restore_now(void) {
    if (cn_active) {
        cn_active = 0;
        if (cn_paste_fd >= 0) cn_bracketed_paste(cn_paste_fd, 0);
        endwin();
    }
}

static void cn_on_signal(int sig, siginfo_t *info, void *context) {
    (void)context;
    cn_restore_now();
    // A signal the user sent (Ctrl-\ is SIGQUIT) takes its default action: the program
    // ends with 128 + its number, no crash report (Swift's backtracer also hooks SIGQUIT,
    // and would prompt, then let the program run on with this handler gone). A crash is
    // handed to whoever had it before, perhaps the backtracer, which then prints on a
    // restored terminal.
    int user = sig == SIGINT || sig == SIGTERM || sig == SIGHUP || sig == SIGQUIT;
    if (user) {
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigemptyset(&dfl.sa_mask);
        sigaction(sig, &dfl, NULL);
    } else {
        for (int i = 0; i < CN_NSIGNALS; i++) {
            if (cn_signals[i] == sig) { sigaction(sig, &cn_previous[i], NULL); break; }
        }
    }
    // A real fault repeats when we return (with its own siginfo); anything else is
    // raised again, and delivered as soon as this handler returns.
    int fault = (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE)
        && info != NULL && info->si_code > 0;
    if (!fault) raise(sig);
}

static void cn_on_exit(void) { cn_restore_now(); }

void cn_session_begin(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = cn_on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_RESETHAND;
    for (int i = 0; i < CN_NSIGNALS; i++) {
        sigaction(cn_signals[i], NULL, &cn_previous[i]);
        // An ignored signal (nohup's SIGHUP) stays ignored.
        if (!(cn_previous[i].sa_flags & SA_SIGINFO) && cn_previous[i].sa_handler == SIG_IGN) continue;
        sigaction(cn_signals[i], &action, NULL);
    }
    if (!cn_atexit_registered) {
        cn_atexit_registered = 1;
        atexit(cn_on_exit);
    }
}

void cn_session_set_active(int active) { cn_active = active ? 1 : 0; }

void cn_session_end(void) {
    cn_active = 0;
    for (int i = 0; i < CN_NSIGNALS; i++) sigaction(cn_signals[i], &cn_previous[i], NULL);
}

int cn_session_active(void) { return cn_active; }

void cn_suspend(void) {
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    int was_active = cn_active;
    int paste_fd = cn_paste_fd;
    cn_active = 0;
    if (paste_fd >= 0) cn_bracketed_paste(paste_fd, 0);
    endwin();
    // Bypass ncurses' own SIGTSTP handler: we restore the screen ourselves on return.
    sigaction(SIGTSTP, &dfl, &old);
    raise(SIGTSTP);
    sigaction(SIGTSTP, &old, NULL);
    cn_active = was_active;
    if (paste_fd >= 0) cn_bracketed_paste(paste_fd, 1);
}
