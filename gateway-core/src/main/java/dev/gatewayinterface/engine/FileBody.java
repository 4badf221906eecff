package dev.gatewayinterface.engine;

import dev.gatewayinterface.Body;
import dev.gatewayinterface.FileWrapper;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Carry a file returned through {@code wsgi.file_wrapper}: iterated in blocks by any server, or handed to
 * {@link Exchange#transferFile} whole when the stream is a real file (docs/SPEC.md §8).
 */
final class FileBody implements Body, AutoCloseable {

    /** The {@code wsgi.file_wrapper} every environ carries. */
    static final FileWrapper WRAPPER = FileBody::new;

    private final InputStream file;

    private final int blockSize;

    FileBody(InputStream file, int blockSize) {
        if (file == null) {
            throw new IllegalArgumentException("wsgi.file_wrapper needs a stream, not null (SPEC §8)");
        }
        if (blockSize <= 0) {
            throw new IllegalArgumentException("wsgi.file_wrapper block size must be positive, not " + blockSize + " (SPEC §8)");
        }
        this.file = file;
        this.blockSize = blockSize;
    }

    /**
     * Return the channel of a real file, positioned where transmission starts, or {@code null} for any other
     * stream, and for a file that reports no bytes left: pipes, devices and {@code /proc} files report size 0
     * whatever they hold, so only iterating them is safe.
     */
    @Override
    public FileChannel file() {
        return remaining() > 0 ? ((FileInputStream) file).getChannel() : null;
    }

    /** Return the bytes left in a real file, or {@link Body#UNKNOWN_LENGTH}. */
    @Override
    public long length() {
        long remaining = remaining();
        return remaining > 0 ? remaining : UNKNOWN_LENGTH;
    }

    private long remaining() {
        if (!(file instanceof FileInputStream fileStream)) {
            return UNKNOWN_LENGTH;
        }
        try {
            FileChannel channel = fileStream.getChannel();
            return Math.max(0, channel.size() - channel.position());
        }
        catch (IOException ex) {
            // A closed or failing file: iterating it reports the failure where it happens.
            return UNKNOWN_LENGTH;
        }
    }

    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {

            private byte[] next;

            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    try {
                        byte[] block = file.readNBytes(blockSize);
                        if (block.length == 0) {
                            done = true;
                        }
                        else {
                            next = block.length == blockSize ? block : Arrays.copyOf(block, block.length);
                        }
                    }
                    catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
                return next != null;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the file is at its end");
                }
                byte[] block = next;
                next = null;
                return block;
            }
        };
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
