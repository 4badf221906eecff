package dev.gatewayinterface.testsupport;

import dev.gatewayinterface.test.tck.ClosingBody;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Record what the test applications saw and did, and gate their progress, so tests wait on conditions
 * rather than on time.
 */
public final class Probes {

    public final AtomicReference<Map<String, Object>> environ = new AtomicReference<>();

    /** The thread that called the environ probe. */
    public final AtomicReference<Thread> thread = new AtomicReference<>();

    public final AtomicInteger closes = new AtomicInteger();

    /** How many times a file body's bytes were read through its stream, not sent from its channel. */
    public final AtomicInteger fileStreamReads = new AtomicInteger();

    private volatile CountDownLatch closed = new CountDownLatch(1);

    private volatile CountDownLatch gate = new CountDownLatch(1);

    public void reset() {
        environ.set(null);
        thread.set(null);
        closes.set(0);
        fileStreamReads.set(0);
        closed = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    /**
     * Return a body of {@code count} chunks ({@code -1}: endless) that counts its {@code close()} here; the chunk
     * function may block, throw, or call start_response, as the test needs.
     * @param count how many chunks
     * @param chunk the chunk at each index
     * @return the body
     */
    public Iterable<byte[]> body(int count, IntFunction<byte[]> chunk) {
        return new ClosingBody(count, chunk, this::closed);
    }

    /** Count a call to a body's {@code close()}. */
    public void closed() {
        closes.incrementAndGet();
        closed.countDown();
    }

    public boolean awaitClosed() throws InterruptedException {
        return closed.await(20, TimeUnit.SECONDS);
    }

    /** Let an application that waits at the gate go on. */
    public void open() {
        gate.countDown();
    }

    public void awaitGate() {
        try {
            if (!gate.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
