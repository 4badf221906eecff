package dev.gatewayinterface.demo;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Stream five lines, half a second apart, with no Content-Length: the response goes out chunked and each
 * line reaches the client as it is produced.
 */
final class StreamApplication implements Application {

    private static final int CHUNKS = 5;

    private static final long PAUSE_MILLIS = 500;

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) {
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
        return () -> new Iterator<>() {

            private int sent;

            @Override
            public boolean hasNext() {
                return sent < CHUNKS;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (sent > 0) {
                    pause();
                }
                sent++;
                return ("chunk " + sent + " of " + CHUNKS + "\n").getBytes(StandardCharsets.US_ASCII);
            }
        };
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while streaming", ex);
        }
    }
}
