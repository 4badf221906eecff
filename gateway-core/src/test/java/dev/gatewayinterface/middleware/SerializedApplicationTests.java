package dev.gatewayinterface.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Check that {@link SerializedApplication} lets one request at a time into the application, from its call
 * until its body is closed.
 */
class SerializedApplicationTests {

    private static final StartResponse START = (status, headers, excInfo) -> data -> {
    };

    private final AtomicInteger calls = new AtomicInteger();

    private final AtomicInteger innerCloses = new AtomicInteger();

    private final Application inner = (environ, startResponse) -> {
        calls.incrementAndGet();
        if ("fail".equals(environ.get(Environ.QUERY_STRING))) {
            throw new IllegalStateException("inner failure");
        }
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        return new ClosingList(innerCloses);
    };

    private final SerializedApplication serialized = new SerializedApplication(inner);

    @Test
    void tellsTheApplicationItIsNotCalledConcurrently() throws Exception {
        Map<String, Object> environ = environ("");
        close(serialized.call(environ, START));
        assertThat(environ).containsEntry(Environ.WSGI_MULTITHREAD, false);
    }

    @Test
    void holdsOtherRequestsUntilTheFirstBodyIsClosed() throws Exception {
        Iterable<byte[]> first = serialized.call(environ(""), START);
        Thread secondThread = new Thread(() -> {
            try {
                close(serialized.call(environ(""), START));
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        secondThread.start();
        awaitWaiting(secondThread);
        assertThat(calls).hasValue(1);
        close(first);
        secondThread.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(secondThread.isAlive()).isFalse();
        assertThat(calls).hasValue(2);
    }

    @Test
    void releasesTheLockWhenTheApplicationThrows() throws Exception {
        assertThatIllegalStateException().isThrownBy(() -> serialized.call(environ("fail"), START))
            .withMessage("inner failure");
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try {
                close(serialized.call(environ(""), START));
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        other.get(20, TimeUnit.SECONDS);
        assertThat(calls).hasValue(2);
    }

    @Test
    void closesTheInnerBodyOnceAndReleasesOnceWhenClosedTwice() throws Exception {
        Iterable<byte[]> body = serialized.call(environ(""), START);
        close(body);
        close(body);
        assertThat(innerCloses).hasValue(1);
        // A second release would let two requests in at once: two sequential calls from other threads
        // must both get through, and a third concurrent holder must still be excluded.
        Iterable<byte[]> held = CompletableFuture.supplyAsync(() -> call()).get(20, TimeUnit.SECONDS);
        Thread blocked = new Thread(() -> close(call()));
        blocked.start();
        awaitWaiting(blocked);
        close(held);
        blocked.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(blocked.isAlive()).isFalse();
    }

    @Test
    void letsTheBodyBeClosedOnAnotherThreadThanTheCall() throws Exception {
        Iterable<byte[]> body = serialized.call(environ(""), START);
        CompletableFuture.runAsync(() -> close(body)).get(20, TimeUnit.SECONDS);
        CompletableFuture.runAsync(() -> close(call())).get(20, TimeUnit.SECONDS);
        assertThat(calls).hasValue(2);
    }

    private Iterable<byte[]> call() {
        try {
            return serialized.call(environ(""), START);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, Object> environ(String query) {
        Map<String, Object> environ = new HashMap<>();
        environ.put(Environ.QUERY_STRING, query);
        environ.put(Environ.WSGI_MULTITHREAD, true);
        return environ;
    }

    private static void close(Iterable<byte[]> body) {
        try {
            ((AutoCloseable) body).close();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Wait until the thread is parked on the lock: a condition, checked until a generous deadline. */
    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("thread should block on the lock").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static final class ClosingList implements Iterable<byte[]>, AutoCloseable {

        private final AtomicInteger closes;

        ClosingList(AtomicInteger closes) {
            this.closes = closes;
        }

        @Override
        public java.util.Iterator<byte[]> iterator() {
            return List.of("ok".getBytes()).iterator();
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
