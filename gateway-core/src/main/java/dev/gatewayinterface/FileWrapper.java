package dev.gatewayinterface;

import java.io.InputStream;

/**
 * Turn a file into a response body the server may send efficiently: {@code wsgi.file_wrapper}
 * (docs/SPEC.md §8).
 *
 * <p>Return the result of {@link #wrap} from {@link Application#call} unchanged. Transmission starts at
 * the stream's current position and respects a {@code Content-Length} header; closing the body closes the
 * stream. When the stream is a {@link java.io.FileInputStream}, the server may send it without copying it
 * through the heap.
 */
@FunctionalInterface
public interface FileWrapper {

    /** The block size used by {@link #wrap(InputStream)}. */
    int DEFAULT_BLOCK_SIZE = 8192;

    /**
     * Wrap a file-like stream as a body read in blocks of the given size.
     * @param file the stream to send from its current position; closed with the body
     * @param blockSize the size of each chunk when the body is iterated
     * @return an iterable, closeable body
     */
    Iterable<byte[]> wrap(InputStream file, int blockSize);

    /**
     * Wrap a file-like stream as a body read in {@value #DEFAULT_BLOCK_SIZE}-byte blocks.
     * @param file the stream to send from its current position; closed with the body
     * @return an iterable, closeable body
     */
    default Iterable<byte[]> wrap(InputStream file) {
        return wrap(file, DEFAULT_BLOCK_SIZE);
    }
}
