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
            logger.warn("[{}] {}", application, line);
        }
        catch (RuntimeException ex) {
            // wsgi.errors must never throw into the application; a broken logging backend is not its fault.
        }
    }
}
