package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Input;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Act as a server's {@code wsgi.input} over bytes held in memory, for tests that drive the validator
 * without the engine. Not final: a test overrides a read to play a misbehaving server.
 */
class BytesInput implements Input {

    private final ByteArrayInputStream body;

    BytesInput(String body) {
        this.body = new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public byte[] read(int size) {
        if (size < 0) {
            return read();
        }
        byte[] bytes = new byte[Math.min(size, body.available())];
        body.read(bytes, 0, bytes.length);
        return bytes;
    }

    @Override
    public byte[] read() {
        return body.readAllBytes();
    }

    @Override
    public byte[] readLine() {
        return readLine(-1);
    }

    @Override
    public byte[] readLine(int size) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((size < 0 || line.size() < size) && (b = body.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }

    @Override
    public List<byte[]> readLines(int hint) {
        List<byte[]> lines = new ArrayList<>();
        int total = 0;
        byte[] line;
        while ((hint <= 0 || total < hint) && (line = readLine()).length > 0) {
            lines.add(line);
            total += line.length;
        }
        return lines;
    }

    @Override
    public Iterator<byte[]> iterator() {
        return untilEmpty(this::readLine);
    }

    /**
     * Iterate what the source returns until it returns an empty array, as Python iterates a file: reading
     * only when asked, so that reads between items see the rest.
     */
    static Iterator<byte[]> untilEmpty(Supplier<byte[]> source) {
        return new Iterator<>() {

            private byte[] next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = source.get();
                }
                return next.length > 0;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                byte[] item = next;
                next = null;
                return item;
            }
        };
    }

    @Override
    public InputStream asStream() {
        // Closing the view does nothing, as docs/SPEC.md §4.1 has the server's view do.
        return new FilterInputStream(body) {

            @Override
            public void close() {
            }
        };
    }
}
