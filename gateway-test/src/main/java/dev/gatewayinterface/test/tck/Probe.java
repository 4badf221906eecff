package dev.gatewayinterface.test.tck;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Record what a scenario's application saw and whether the server closed its body. A server may close the
 * body after the client has the response, so scenarios wait for it rather than assume it.
 */
public final class Probe {

    private final AtomicReference<Map<String, Object>> environ = new AtomicReference<>();

    private final AtomicInteger closes = new AtomicInteger();

    private final CountDownLatch closed = new CountDownLatch(1);

    /**
     * Keep a copy of the environ the application was called with.
     * @param seen the environ
     */
    public void environ(Map<String, Object> seen) {
        environ.set(Map.copyOf(seen));
    }

    /**
     * Return the environ the application was called with.
     * @return the copy kept, or {@code null} if the application was not called
     */
    public Map<String, Object> environ() {
        return environ.get();
    }

    /**
     * Wrap chunks in a body that reports its {@code close()} here.
     * @param chunks the chunks
     * @return the closeable body
     */
    public Iterable<byte[]> body(List<byte[]> chunks) {
        return body(chunks.size(), chunks::get);
    }

    /**
     * Wrap a chunk function in a body that reports its {@code close()} here.
     * @param count how many chunks; {@code -1} for no end
     * @param chunk the chunk at each index; it may block, throw or call start_response
     * @return the closeable body
     */
    public Iterable<byte[]> body(int count, IntFunction<byte[]> chunk) {
        return new ClosingBody(count, chunk);
    }

    /**
     * Wait until the server closed the body, and return how many times it did.
     * @return the number of {@code close()} calls, 0 if none came within 20 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    public int awaitCloses() throws InterruptedException {
        closed.await(20, TimeUnit.SECONDS);
        return closes.get();
    }

    private final class ClosingBody implements Iterable<byte[]>, AutoCloseable {

        private final int count;

        private final IntFunction<byte[]> chunk;

        ClosingBody(int count, IntFunction<byte[]> chunk) {
            this.count = count;
            this.chunk = chunk;
        }

        @Override
        public Iterator<byte[]> iterator() {
            return new Iterator<>() {

                private int index;

                @Override
                public boolean hasNext() {
                    return count < 0 || index < count;
                }

                @Override
                public byte[] next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return chunk.apply(index++);
                }
            };
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            closed.countDown();
        }
    }
}
