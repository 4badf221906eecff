package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Input;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Record what a scenario's application saw and whether the server closed its body or its file. A server may
 * close them after the client has the response, so scenarios wait for it rather than assume it.
 */
public final class Probe {

    private final AtomicReference<Map<String, Object>> environ = new AtomicReference<>();

    private final AtomicInteger closes = new AtomicInteger();

    private final CountDownLatch closed = new CountDownLatch(1);

    /**
     * Keep a copy of the environ the application was called with. Its {@code wsgi.input} is kept as an
     * {@link Input} at end of input: a failed assertion prints the environ, and printing an iterable reads it,
     * which must not touch the body of a request that is over.
     * @param seen the environ
     */
    public void environ(Map<String, Object> seen) {
        Map<String, Object> copy = new HashMap<>(seen);
        copy.replaceAll((key, value) -> value instanceof Input input ? new EndedInput(input) : value);
        environ.set(Map.copyOf(copy));
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
        return new ClosingBody(count, chunk, this::closed);
    }

    /**
     * Wrap chunks in a body whose {@code close()} reports here and then throws.
     * @param chunks the chunks
     * @return the closeable body
     */
    public Iterable<byte[]> bodyFailingOnClose(List<byte[]> chunks) {
        return new ClosingBody(chunks.size(), chunks::get, () -> {
            closed();
            throw new IllegalStateException("close() failed, as the scenario asked");
        });
    }

    /**
     * Open a file as a stream that reports its first {@code close()} here. It is a {@link FileInputStream},
     * so a server may send it without copying.
     * @param path the file
     * @return the open stream, at the file's start
     * @throws FileNotFoundException if the file cannot be opened
     */
    public FileInputStream file(Path path) throws FileNotFoundException {
        AtomicBoolean once = new AtomicBoolean();
        return new FileInputStream(path.toFile()) {

            @Override
            public void close() throws IOException {
                // Closing a FileInputStream closes its channel, which calls back here: count the first call only.
                super.close();
                if (once.compareAndSet(false, true)) {
                    closed();
                }
            }
        };
    }

    /**
     * Wrap bytes in a stream that reports its first {@code close()} here; not a file, so a server iterates it.
     * @param bytes the stream's content
     * @return the stream, at its start
     */
    public InputStream stream(byte[] bytes) {
        AtomicBoolean once = new AtomicBoolean();
        return new ByteArrayInputStream(bytes) {

            @Override
            public void close() {
                if (once.compareAndSet(false, true)) {
                    closed();
                }
            }
        };
    }

    /**
     * Wait until the server closed the body or stream, and return how many times it did; a stream, whose
     * {@code close()} is idempotent, counts once.
     * @return the number of {@code close()} calls, 0 if none came within 20 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    public int awaitCloses() throws InterruptedException {
        closed.await(20, TimeUnit.SECONDS);
        return closes.get();
    }

    private void closed() {
        closes.incrementAndGet();
        closed.countDown();
    }

    /** Stand in for a request's {@code wsgi.input} once the request is over: every read is at end of input. */
    private static final class EndedInput implements Input {

        private static final byte[] EMPTY = new byte[0];

        private final String description;

        EndedInput(Input input) {
            this.description = "wsgi.input of an ended request (" + input.getClass().getName() + ")";
        }

        @Override
        public byte[] read(int size) {
            return EMPTY;
        }

        @Override
        public byte[] read() {
            return EMPTY;
        }

        @Override
        public byte[] readLine() {
            return EMPTY;
        }

        @Override
        public byte[] readLine(int size) {
            return EMPTY;
        }

        @Override
        public List<byte[]> readLines(int hint) {
            return List.of();
        }

        @Override
        public InputStream asStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public Iterator<byte[]> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
