package dev.gatewayinterface.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntConsumer;

/**
 * Act as an application's response body that records how the engine used it: how many chunks it took and
 * how many times it closed the body, which is what PEP 3333's close() rule is about.
 *
 * <p>It can call {@code start_response} lazily on the first iteration, fail at a given chunk, fail on
 * close, and run a probe before each chunk so a test can look at the exchange between chunks.
 */
public final class TrackingBody implements Iterable<byte[]>, AutoCloseable {

    private final List<byte[]> chunks;

    private Runnable onFirstIteration = () -> { };

    private IntConsumer beforeChunk = index -> { };

    private int failAt = -1;

    private RuntimeException failure;

    private RuntimeException closeFailure;

    private IOException checkedCloseFailure;

    private Runnable onClose = () -> { };

    private int chunksTaken;

    private int closeCount;

    private TrackingBody(List<byte[]> chunks) {
        this.chunks = chunks;
    }

    /** Create a body of latin-1 chunks; {@code null} stands for a {@code null} chunk. */
    public static TrackingBody of(String... chunks) {
        List<byte[]> bytes = new ArrayList<>(chunks.length);
        for (String chunk : chunks) {
            bytes.add(chunk == null ? null : chunk.getBytes(StandardCharsets.ISO_8859_1));
        }
        return new TrackingBody(bytes);
    }

    /** Run the action when the engine first asks for a chunk, as a lazy application's generator does. */
    public TrackingBody onFirstIteration(Runnable action) {
        this.onFirstIteration = action;
        return this;
    }

    /** Run the probe with the chunk's index just before that chunk is handed to the engine. */
    public TrackingBody beforeChunk(IntConsumer probe) {
        this.beforeChunk = probe;
        return this;
    }

    /** Throw the error instead of yielding the chunk at this index. */
    public TrackingBody failingAt(int index, RuntimeException error) {
        this.failAt = index;
        this.failure = error;
        return this;
    }

    /** Run the action each time the body is closed, to record when that happens. */
    public TrackingBody onClose(Runnable action) {
        this.onClose = action;
        return this;
    }

    public TrackingBody failingOnClose(RuntimeException error) {
        this.closeFailure = error;
        return this;
    }

    public TrackingBody failingOnClose(IOException error) {
        this.checkedCloseFailure = error;
        return this;
    }

    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {

            private int index;

            private boolean first = true;

            @Override
            public boolean hasNext() {
                startIfFirst();
                return index < chunks.size() || index == failAt;
            }

            @Override
            public byte[] next() {
                startIfFirst();
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (index == failAt) {
                    index++;
                    throw failure;
                }
                beforeChunk.accept(index);
                chunksTaken++;
                return chunks.get(index++);
            }

            private void startIfFirst() {
                if (first) {
                    first = false;
                    onFirstIteration.run();
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        closeCount++;
        onClose.run();
        if (closeFailure != null) {
            throw closeFailure;
        }
        if (checkedCloseFailure != null) {
            throw checkedCloseFailure;
        }
    }

    public int chunksTaken() {
        return chunksTaken;
    }

    public int closeCount() {
        return closeCount;
    }
}
