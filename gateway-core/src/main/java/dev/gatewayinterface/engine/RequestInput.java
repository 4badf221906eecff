package dev.gatewayinterface.engine;

import dev.gatewayinterface.Input;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Read a request body as {@code wsgi.input}: buffered for {@code readLine}, ending at the declared
 * length even when the connection carries more (a pipelined request), or at the stream's end when the
 * length is unknown (docs/SPEC.md §4.1). A body of unknown length that grows past the mount's limit fails the
 * read; the first {@link RequestBodyException} a read met is kept, for the engine to answer it (§4.3).
 */
final class RequestInput implements Input {

    private static final byte[] EMPTY = new byte[0];

    private static final int BUFFER_SIZE = 8192;

    private final InputStreamSource source;

    /** Bytes the body may still yield from the stream; {@code -1} when the length is unknown. */
    private long remaining;

    private byte[] buffer;

    private int position;

    private int limit;

    private boolean ended;

    /** Body bytes taken from the stream so far, for observers. */
    private long consumed;

    private final RequestLimits limits;

    /** The first failure a read met that is the client's doing, or {@code null}. */
    private RequestBodyException failure;

    /** How long reads waited for the stream, for the body rate; the application's own pace does not count. */
    private long waitedNanos;

    RequestInput(InputStreamSource source, long contentLength) {
        this(source, contentLength, RequestLimits.DEFAULTS.withMaxRequestBody(-1, "none").withMinBodyRate(0,
                java.time.Duration.ZERO));
    }

    RequestInput(InputStreamSource source, long contentLength, RequestLimits limits) {
        this.source = source;
        this.remaining = contentLength;
        this.ended = contentLength == 0;
        this.limits = limits;
    }

    /** Open the body stream only when the application first reads, so that unread bodies cost nothing. */
    @FunctionalInterface
    interface InputStreamSource {

        InputStream open() throws IOException;
    }

    private InputStream stream;

    /** Return how many body bytes were taken from the request stream so far. */
    long consumed() {
        return consumed;
    }

    /** Return the first failure a read met that is the client's doing, or {@code null}. */
    RequestBodyException failure() {
        return failure;
    }

    @Override
    public byte[] read(int size) throws IOException {
        if (size < 0) {
            return read();
        }
        // Grow towards size as bytes arrive: apps pass huge sizes to mean "all", which must not be allocated up front.
        byte[] out = new byte[Math.min(size, BUFFER_SIZE)];
        int filled = 0;
        while (filled < size) {
            if (filled == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(size, 2L * out.length));
            }
            int n = readInto(out, filled, out.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled == out.length ? out : Arrays.copyOf(out, filled);
    }

    @Override
    public byte[] read() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[BUFFER_SIZE];
        int n;
        while ((n = readInto(chunk, 0, chunk.length)) >= 0) {
            out.write(chunk, 0, n);
        }
        return out.size() == 0 ? EMPTY : out.toByteArray();
    }

    @Override
    public byte[] readLine() throws IOException {
        return readLine(-1);
    }

    @Override
    public byte[] readLine(int size) throws IOException {
        if (size == 0) {
            return EMPTY;
        }
        ByteArrayOutputStream line = null;
        while (true) {
            if (position == limit && !fill()) {
                return line == null ? EMPTY : line.toByteArray();
            }
            int max = size < 0 ? limit - position : Math.min(limit - position, size - (line == null ? 0 : line.size()));
            int end = position;
            boolean newline = false;
            while (end < position + max) {
                if (buffer[end++] == '\n') {
                    newline = true;
                    break;
                }
            }
            if (line == null && (newline || end - position == size)) {
                byte[] result = Arrays.copyOfRange(buffer, position, end);
                position = end;
                return result;
            }
            if (line == null) {
                line = new ByteArrayOutputStream();
            }
            line.write(buffer, position, end - position);
            position = end;
            if (newline || line.size() == size) {
                return line.toByteArray();
            }
        }
    }

    @Override
    public List<byte[]> readLines(int hint) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        long total = 0;
        byte[] line;
        while ((line = readLine()).length > 0) {
            lines.add(line);
            total += line.length;
            if (hint > 0 && total >= hint) {
                break;
            }
        }
        return lines;
    }

    @Override
    public InputStream asStream() {
        return new InputStream() {

            @Override
            public int read() throws IOException {
                if (position == limit && !fill()) {
                    return -1;
                }
                return buffer[position++] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                return readInto(b, off, len);
            }

            @Override
            public int available() {
                return limit - position;
            }
        };
    }

    /** Copy buffered bytes, or read straight into the caller's array when the buffer is empty. */
    private int readInto(byte[] out, int offset, int length) throws IOException {
        if (position < limit) {
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, out, offset, n);
            position += n;
            return n;
        }
        if (length >= BUFFER_SIZE) {
            return readStream(out, offset, length);
        }
        if (!fill()) {
            return -1;
        }
        return readInto(out, offset, length);
    }

    private boolean fill() throws IOException {
        if (buffer == null) {
            buffer = new byte[BUFFER_SIZE];
        }
        int n = readStream(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private int readStream(byte[] out, int offset, int length) throws IOException {
        if (failure != null) {
            // The body cannot go on: every later read fails the same way, never with the bytes behind the fault.
            throw failure;
        }
        if (ended) {
            return -1;
        }
        int n;
        try {
            if (stream == null) {
                stream = source.open();
            }
            int max = remaining < 0 ? length : (int) Math.min(length, remaining);
            long start = System.nanoTime();
            n = stream.read(out, offset, max);
            while (n == 0) {
                n = stream.read(out, offset, max);
            }
            waitedNanos += System.nanoTime() - start;
        }
        catch (RequestBodyException ex) {
            failure = ex;
            throw ex;
        }
        if (n < 0) {
            ended = true;
            return -1;
        }
        consumed += n;
        if (limits.bodyTooLong(consumed)) {
            failure = RequestBodyException.tooLarge("the request body is longer than " + limits.maxRequestBody()
                    + " bytes, the limit " + limits.bodySetting() + " sets (docs/SPEC.md §14)");
            throw failure;
        }
        if (!ended && limits.bodyTooSlow(consumed, waitedNanos)) {
            // A client that dribbles its body keeps a thread for as long as it likes unless its pace is held too.
            failure = RequestBodyException.timedOut("the client sent " + consumed + " body bytes in "
                    + waitedNanos / 1_000_000 + " ms of waiting, slower than the " + limits.minBodyRate()
                    + " bytes a second gateway.timeouts.min-body-rate asks once the application waited "
                    + limits.bodyGrace().toMillis() + " ms (docs/SPEC.md §14)", null);
            throw failure;
        }
        if (remaining > 0) {
            remaining -= n;
            ended = remaining == 0;
        }
        return n;
    }
}
