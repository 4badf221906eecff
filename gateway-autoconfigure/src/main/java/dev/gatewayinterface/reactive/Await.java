package dev.gatewayinterface.reactive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * Wait on an application's thread until the event loop finished an operation, so that a slow client slows the
 * application rather than growing a buffer. Never called on an event loop.
 */
final class Await {

    private Await() {
    }

    /**
     * Subscribe to the operation and wait for its end.
     * @param operation what the server does, signalling on its event loop
     * @param timeout how long the client may take
     * @param what what the client failed to do in time, for the message
     * @throws IOException if the client went away or took longer than the timeout
     */
    static void completion(Mono<?> operation, Duration timeout, String what) throws IOException {
        completion(operation.toFuture(), timeout, what);
    }

    /**
     * Wait for an operation already under way.
     * @param future the operation's end
     * @param timeout how long the client may take
     * @param what what the client failed to do in time, for the message
     * @throws IOException if the client went away or took longer than the timeout
     */
    static void completion(CompletableFuture<?> future, Duration timeout, String what) throws IOException {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException ex) {
            future.cancel(false);
            throw new IOException("the client did not " + what + " within " + timeout);
        }
        catch (InterruptedException ex) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the client to " + what);
        }
        catch (ExecutionException ex) {
            throw failure(ex.getCause(), what);
        }
    }

    /**
     * Take a permit the event loop releases when the client sent or asked for something.
     * @param permits the permits to take one of
     * @param timeout how long the client may take
     * @param what what the client failed to do in time, for the message
     * @throws IOException if the client took longer than the timeout
     */
    static void permit(Semaphore permits, Duration timeout, String what) throws IOException {
        try {
            if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IOException("the client did not " + what + " within " + timeout);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the client to " + what);
        }
    }

    /** Report a client that went away as the engine expects it, an IOException; let anything else through. */
    private static IOException failure(Throwable cause, String what) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(cause)) {
            return new IOException("the client went away before it could " + what, cause);
        }
        if (cause instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException("the server could not " + what, cause);
    }
}
