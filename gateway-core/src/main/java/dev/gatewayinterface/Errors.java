package dev.gatewayinterface;

/**
 * Report application errors as text: the {@code wsgi.errors} stream (docs/SPEC.md §4).
 *
 * <p>The server routes what is written here to its logging, a line at a time. Writes never throw,
 * whatever the text. Applications never close it.
 */
public interface Errors {

    /**
     * Write text; complete lines are logged at once, the rest on the next newline or {@link #flush()}.
     * @param text the text to write; {@code null} is ignored
     */
    void write(String text);

    /**
     * Write each string in turn, adding no separators, like Python's {@code writelines}.
     * @param lines the strings to write
     */
    void writeLines(Iterable<String> lines);

    /** Log any partial line written so far. */
    void flush();
}
