package dev.gatewayinterface.testsupport;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.test.tck.ClosingBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Read an upload while producing the response body, as a streaming application does, and record what reading
 * it raised and each close of the body: the way a test sees that an application blocked on a body the client broke
 * gets an exception naming why, and that its body is closed all the same.
 */
public final class UploadProbe implements Application {

    private final AtomicReference<IOException> failure = new AtomicReference<>();

    private final AtomicInteger closes = new AtomicInteger();

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) {
        Input input = (Input) environ.get(Environ.WSGI_INPUT);
        startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
        return new ClosingBody(1, index -> {
            try {
                return input.read();
            }
            catch (IOException ex) {
                failure.set(ex);
                throw new UncheckedIOException(ex);
            }
        }, closes::incrementAndGet);
    }

    /** Forget what the previous request raised. */
    public void reset() {
        failure.set(null);
        closes.set(0);
    }

    /**
     * Return what reading the body raised.
     * @return the exception, or {@code null}
     */
    public IOException failure() {
        return failure.get();
    }

    /**
     * Return how many times the body was closed.
     * @return the count
     */
    public int closes() {
        return closes.get();
    }
}
