package dev.gatewayinterface;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Read the request body: the {@code wsgi.input} stream (docs/SPEC.md §4).
 *
 * <p>Reads return empty arrays at end of input, which comes at {@code CONTENT_LENGTH} when the request
 * gave one, even if the connection carries more bytes. The server owns the stream: applications never
 * close it. Iteration yields lines, as with a Python file.
 */
public interface Input extends Iterable<byte[]> {

    /**
     * Read up to {@code size} bytes, fewer only at end of input.
     * @param size the most bytes to return; negative reads all that is left
     * @return the bytes read, empty at end of input
     * @throws IOException if reading the request fails
     */
    byte[] read(int size) throws IOException;

    /**
     * Read all that is left of the body.
     * @return the remaining bytes, empty at end of input
     * @throws IOException if reading the request fails
     */
    byte[] read() throws IOException;

    /**
     * Read one line, up to and including its {@code \n}.
     * @return the line, empty at end of input
     * @throws IOException if reading the request fails
     */
    byte[] readLine() throws IOException;

    /**
     * Read one line, but at most {@code size} bytes of it.
     * @param size the most bytes to return; negative means no limit
     * @return the line or its first {@code size} bytes, empty at end of input
     * @throws IOException if reading the request fails
     */
    byte[] readLine(int size) throws IOException;

    /**
     * Read lines until about {@code hint} bytes were read.
     * @param hint stop once this many bytes were read; zero or negative reads all lines
     * @return the lines read, empty at end of input
     * @throws IOException if reading the request fails
     */
    List<byte[]> readLines(int hint) throws IOException;

    /**
     * Return a {@link java.io.InputStream} view of the same body, for Java libraries that read streams.
     * Reads through the view and through this object share one position. Closing the view does nothing.
     * @return a stream over the remaining body
     */
    InputStream asStream();

    /**
     * Return the remaining lines, each read by {@link #readLine()} when it is asked for, so that a wrapper's
     * checks of {@code readLine} apply to iteration too. An {@link IOException} is thrown as an
     * {@link UncheckedIOException}.
     * @return an iterator over the remaining lines
     */
    @Override
    default Iterator<byte[]> iterator() {
        return new Iterator<>() {

            private byte[] next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = readLine();
                    }
                    catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
                return next.length > 0;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("wsgi.input is at end of input");
                }
                byte[] line = next;
                next = null;
                return line;
            }
        };
    }
}
