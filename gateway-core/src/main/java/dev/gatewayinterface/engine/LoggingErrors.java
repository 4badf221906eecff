package dev.gatewayinterface.engine;

import dev.gatewayinterface.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route {@code wsgi.errors} to logging, one log entry per line, at WARN under the logger
 * {@code dev.gatewayinterface.errors}, tagged with the application's name (docs/SPEC.md §4.2).
 */
final class LoggingErrors implements Errors {

    private static final Logger logger = LoggerFactory.getLogger("dev.gatewayinterface.errors");

    private final String application;

    private StringBuilder pending;

    LoggingErrors(String application) {
        this.application = application;
    }

    @Override
    public void write(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int start = 0;
        int newline;
        while ((newline = text.indexOf('\n', start)) >= 0) {
            emit(text, start, newline);
            start = newline + 1;
        }
        if (start < text.length()) {
            pendingBuffer().append(text, start, text.length());
        }
    }

    @Override
    public void writeLines(Iterable<String> lines) {
        if (lines == null) {
            return;
        }
        for (String line : lines) {
            write(line);
        }
    }

    @Override
    public void flush() {
        if (pending != null && pending.length() > 0) {
            log(pending.toString());
            pending.setLength(0);
        }
    }

    private void emit(String text, int start, int end) {
        if (pending != null && pending.length() > 0) {
            pending.append(text, start, end);
            log(pending.toString());
            pending.setLength(0);
        }
        else {
            log(text.substring(start, end));
        }
    }

    private StringBuilder pendingBuffer() {
        if (pending == null) {
            pending = new StringBuilder();
        }
        return pending;
    }

    private void log(String line) {
        try {
            logger.warn("[{}] {}", application, escape(line));
        }
        catch (RuntimeException ex) {
            // wsgi.errors must never throw into the application; a broken logging backend is not its fault.
        }
    }

    /**
     * Escape what would let one written line pass for several log lines, or corrupt a terminal: a CR (a
     * line's own CRLF ending is dropped), NUL and every other control character but tab, as {@code \r} or
     * {@code \xNN}.
     */
    static String escape(String line) {
        int end = line.endsWith("\r") ? line.length() - 1 : line.length();
        StringBuilder out = null;
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(end + 8).append(line, 0, i);
            }
            if (out != null) {
                if (c == '\r') {
                    out.append("\\r");
                }
                else if (control) {
                    out.append(String.format("\\x%02x", (int) c));
                }
                else {
                    out.append(c);
                }
            }
        }
        return out != null ? out.toString() : line.substring(0, end);
    }
}
