package dev.gatewayinterface.testsupport;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * Build closeable response bodies whose chunks come from a function, reporting {@code close()} to the
 * probes.
 */
public final class TestBodies {

    private TestBodies() {
    }

    /**
     * Return a body of {@code count} chunks ({@code -1}: endless); the function may block, throw, or call
     * start_response, as the test needs.
     */
    public static Iterable<byte[]> chunks(int count, IntFunction<byte[]> chunk, Probes probes) {
        return new ClosingBody(count, chunk, probes);
    }

    private static final class ClosingBody implements Iterable<byte[]>, AutoCloseable {

        private final int count;

        private final IntFunction<byte[]> chunk;

        private final Probes probes;

        ClosingBody(int count, IntFunction<byte[]> chunk, Probes probes) {
            this.count = count;
            this.chunk = chunk;
            this.probes = probes;
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
            probes.closed();
        }
    }
}
