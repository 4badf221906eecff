package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.StartResponse;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * Serve an application that is not thread-safe one request at a time (docs/SPEC.md §9).
 *
 * <p>A request holds the lock from the call until the server closes its body, so the body's iteration is
 * serialised too; other requests wait for it. The wrapped application sees {@code wsgi.multithread} as
 * {@code false}, which is then true of it. The lock is a fair {@link Semaphore}, not an owned lock, because
 * a server may close the body on another thread than the one that called the application.
 */
public final class SerializedApplication implements Middleware {

    private final Application application;

    private final Semaphore lock = new Semaphore(1, true);

    /**
     * Wrap an application.
     * @param application the application to serialise
     */
    public SerializedApplication(Application application) {
        this.application = Objects.requireNonNull(application, "application must not be null");
    }

    @Override
    public Application next() {
        return application;
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        lock.acquire();
        boolean handedOver = false;
        try {
            environ.put(Environ.WSGI_MULTITHREAD, Boolean.FALSE);
            Iterable<byte[]> body = application.call(environ, startResponse);
            if (body == null) {
                return null;
            }
            handedOver = true;
            return new LockedBody(body, lock);
        }
        finally {
            if (!handedOver) {
                lock.release();
            }
        }
    }

    /**
     * Hold the lock until the server closes the body, then close the wrapped body and release the lock; the
     * body's length and file reach the server as if unwrapped (§1.4).
     */
    private static final class LockedBody extends ForwardingBody {

        private final Semaphore lock;

        private boolean closed;

        LockedBody(Iterable<byte[]> body, Semaphore lock) {
            super(body);
            this.lock = lock;
        }

        @Override
        public void close() throws Exception {
            if (closed) {
                return;
            }
            closed = true;
            try {
                super.close();
            }
            finally {
                lock.release();
            }
        }
    }
}
