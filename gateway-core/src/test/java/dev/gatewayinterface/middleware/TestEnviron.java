package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.engine.RequestEnd;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Build, by hand, an environ that satisfies every rule of docs/SPEC.md §2 and §3, for tests that drive the
 * validator without the engine and spoil one key at a time.
 */
final class TestEnviron {

    /** Discard what the application writes to {@code wsgi.errors}, as a quiet server would log it. */
    static final Errors QUIET_ERRORS = new Errors() {

        @Override
        public void write(String text) {
        }

        @Override
        public void writeLines(Iterable<String> lines) {
        }

        @Override
        public void flush() {
        }
    };

    /** Return a file's blocks as a closeable body, as the engine's {@code wsgi.file_wrapper} does. */
    static final FileWrapper FILE_WRAPPER = StreamBody::new;

    private TestEnviron() {
    }

    /** Return a fresh, valid, mutable environ for {@code GET /app/hello?x=1}, with the body {@code "body"}. */
    static Map<String, Object> valid() {
        Map<String, Object> environ = new HashMap<>();
        environ.put(Environ.REQUEST_METHOD, "GET");
        environ.put(Environ.SCRIPT_NAME, "/app");
        environ.put(Environ.PATH_INFO, "/hello");
        environ.put(Environ.QUERY_STRING, "x=1");
        environ.put(Environ.REQUEST_URI, "/app/hello?x=1");
        environ.put(Environ.RAW_URI, "/app/hello?x=1");
        environ.put(Environ.SERVER_NAME, "localhost");
        environ.put(Environ.SERVER_PORT, "8080");
        environ.put(Environ.SERVER_PROTOCOL, "HTTP/1.1");
        environ.put(Environ.CONTENT_LENGTH, "4");
        environ.put(Environ.CONTENT_TYPE, "text/plain");
        environ.put("HTTP_HOST", "localhost:8080");
        environ.put(Environ.WSGI_VERSION, Environ.VERSION);
        environ.put(Environ.WSGI_URL_SCHEME, "http");
        environ.put(Environ.WSGI_INPUT, new BytesInput("body"));
        environ.put(Environ.WSGI_ERRORS, QUIET_ERRORS);
        environ.put(Environ.WSGI_MULTITHREAD, true);
        environ.put(Environ.WSGI_MULTIPROCESS, false);
        environ.put(Environ.WSGI_RUN_ONCE, false);
        environ.put(Environ.WSGI_INPUT_TERMINATED, true);
        environ.put(Environ.WSGI_FILE_WRAPPER, FILE_WRAPPER);
        environ.put(RequestEnd.ENVIRON_KEY, new RequestEnd());
        environ.put("gateway.extension", List.of("any", "type"));
        return environ;
    }

    /** Iterate a stream in blocks and close it with the body. */
    private static final class StreamBody implements Iterable<byte[]>, AutoCloseable {

        private final InputStream file;

        private final int blockSize;

        StreamBody(InputStream file, int blockSize) {
            this.file = file;
            this.blockSize = blockSize;
        }

        @Override
        public Iterator<byte[]> iterator() {
            return BytesInput.untilEmpty(this::read);
        }

        private byte[] read() {
            try {
                return file.readNBytes(blockSize);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
