package dev.gatewayinterface.engine;

import dev.gatewayinterface.Errors;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Input;
import java.io.InputStream;
import java.util.Objects;

/**
 * Create the engine's own {@code wsgi.input}, {@code wsgi.errors} and {@code wsgi.file_wrapper} objects,
 * for tools that build an environ without a server, such as test clients (docs/SPEC.md §4, §8).
 */
public final class Streams {

    private Streams() {
    }

    /**
     * Return a {@code wsgi.input} over a body.
     * @param body the body stream; opened as is, never closed by the input
     * @param contentLength the declared length, where end of input comes; {@code -1} reads to the stream's end
     * @return the input
     */
    public static Input input(InputStream body, long contentLength) {
        Objects.requireNonNull(body, "body must not be null");
        return new RequestInput(() -> body, contentLength);
    }

    /**
     * Return a {@code wsgi.errors} that logs under {@code dev.gatewayinterface.errors}.
     * @param application the name to tag log entries with
     * @return the error stream
     */
    public static Errors errors(String application) {
        return new LoggingErrors(application);
    }

    /**
     * Return the engine's {@code wsgi.file_wrapper}.
     * @return the file wrapper, whose bodies the engine may send without copying
     */
    public static FileWrapper fileWrapper() {
        return FileBody.WRAPPER;
    }
}
