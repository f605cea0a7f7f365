// C side of the readline binding.
//
// Swift 6 rejects any access to readline's mutable globals (rl_line_buffer,
// rl_catch_signals, ...) as not concurrency-safe, so every such access lives
// in one of these small helpers and Swift only ever calls functions.
// readline's own functions (readline, add_history, rl_completion_matches, ...)
// are called from Swift directly.
#ifndef ROLLINGSTONE_CREADLINE_SHIM_H
#define ROLLINGSTONE_CREADLINE_SHIM_H

// readline.h uses FILE without including stdio.h itself.
#include <stdio.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

// readline keeps the pointer it is given (for `$if name` in inputrc), so the
// name is copied into storage that lives as long as the process.
static inline void crl_set_readline_name(const char *name) {
    static char buffer[64];
    strncpy(buffer, name, sizeof buffer - 1);
    buffer[sizeof buffer - 1] = '\0';
    rl_readline_name = buffer;
}

// Stock readline re-raises SIGINT after cleaning up, which kills a process
// that has no handler of its own; the application handles SIGINT instead.
// readline's SIGWINCH handling (rl_catch_sigwinch) stays on.
static inline void crl_disable_signal_catching(void) {
    rl_catch_signals = 0;
}

static inline void crl_set_attempted_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

// Only blanks separate words, so `@Hannah` and `some-word` complete as one
// word; readline's default set would split at `@`, `-`, quotes, ...
static inline void crl_set_word_break_characters(void) {
    static const char blanks[] = " \t";
    rl_basic_word_break_characters = blanks;
    rl_completer_word_break_characters = blanks;
}

// readline resets this before each call of the attempted-completion function,
// so the function calls it every time; it stops the fallback to file names.
static inline void crl_set_attempted_completion_over(void) {
    rl_attempted_completion_over = 1;
}

// The whole line being edited, for completions that depend on earlier words.
static inline const char *crl_line_buffer(void) {
    return rl_line_buffer;
}

// Replaces the function readline reads each key with.
static inline void crl_set_getc_function(rl_getc_func_t *function) {
    rl_getc_function = function;
}

// What Ctrl-C does at the prompt: forget the typed text and any half-entered
// state (undo list, numeric argument), move to a fresh line, show the prompt.
static inline void crl_discard_line(void) {
    rl_free_line_state();
    rl_crlf();
    rl_replace_line("", 0);
    rl_on_new_line();
    rl_redisplay();
}

// Ends the line readline left the cursor on (after Ctrl-D), on readline's
// own output stream so it can't overtake text still buffered there.
static inline void crl_end_output_line(void) {
    FILE *stream = rl_outstream ? rl_outstream : stdout;
    fputc('\n', stream);
    fflush(stream);
}

// Whether readline is in an incremental (Ctrl-R) or non-incremental search,
// which keeps reading keys until the search ends.
static inline int crl_is_searching(void) {
    return RL_ISSTATE(RL_STATE_ISEARCH | RL_STATE_NSEARCH) != 0;
}

// Whether readline is completing. Its list of matches, "Display all ...
// possibilities? (y or n)" or "--More--" may be on the screen in place of
// the prompt, and keys are read to answer them: no moment to redraw the line.
static inline int crl_is_completing(void) {
    return RL_ISSTATE(RL_STATE_COMPLETING) != 0;
}

// Shows `text` (whole lines, each ending in '\n') above the line being
// edited: erases the prompt and the typed text from the screen (all the
// rows they take), writes `text` where the prompt began, and draws the
// prompt and the typed text again below it, with the cursor where it was.
// The line itself (buffer, point, mark, undo list) is left alone: only the
// screen changes. Call only from readline's key reader, on readline's thread.
static inline void crl_show_above_line(const char *text) {
    FILE *stream = rl_outstream ? rl_outstream : stdout;
    rl_clear_visible_line();
    fputs(text, stream);
    fflush(stream);
    // Forgets what readline thinks is on the screen, so everything is drawn
    // again, the lines of a multi-line prompt included.
    rl_forced_update_display();
}

// The most recent history entry, or NULL; used to skip repeated lines.
static inline const char *crl_last_history_line(void) {
    if (history_length <= 0) {
        return NULL;
    }
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry ? entry->line : NULL;
}

#endif
