package dev.gatewayinterface.test.tck;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * A response body whose chunks an application computes one at a time, and which runs an action when the server
 * closes it: the way a test sees that a server closes every body it was given, and when. The chunk function may
 * block, throw or call start_response, as a scenario needs.
 */
public final class ClosingBody implements Iterable<byte[]>, AutoCloseable {

    private final int count;

    private final IntFunction<byte[]> chunk;

    private final Runnable onClose;

    /**
     * Create a body.
     * @param count how many chunks; {@code -1} for no end
     * @param chunk the chunk at each index
     * @param onClose what to do on each call of {@link #close()}; it may throw, as a failing body would
     */
    public ClosingBody(int count, IntFunction<byte[]> chunk, Runnable onClose) {
        this.count = count;
        this.chunk = chunk;
        this.onClose = onClose;
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
        onClose.run();
    }
}
