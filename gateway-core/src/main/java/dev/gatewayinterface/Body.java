package dev.gatewayinterface;

import java.nio.channels.FileChannel;
import java.util.Collection;
import java.util.Iterator;

/**
 * Tell the server what a response body is beyond its chunks: how many bytes it yields, and the file they come
 * from (docs/SPEC.md §1.4). The server asks before it iterates, to set {@code Content-Length} and to send a file
 * without copying it through the heap.
 *
 * <p>A body need not implement this: a {@link Collection} of one chunk and a {@code wsgi.file_wrapper} body are
 * understood as they are. Middleware that wraps a body and passes its bytes on unchanged implements this
 * interface by asking the wrapped body, through {@link #lengthOf} and {@link #fileOf} (or extends
 * {@code dev.gatewayinterface.middleware.ForwardingBody}), so that the facts survive any number of wrappers.
 * Middleware that changes the bytes (compresses, rewrites) must not pass the facts on.
 */
public interface Body extends Iterable<byte[]> {

    /** The length of a body that does not know it before it is iterated. */
    long UNKNOWN_LENGTH = -1;

    /**
     * Return how many bytes iterating this body yields in all, known before iterating.
     * @return the length, or {@link #UNKNOWN_LENGTH}
     */
    default long length() {
        return UNKNOWN_LENGTH;
    }

    /**
     * Return the open file whose bytes, from its current position to its end, are this body's bytes, so that
     * the server may send them by {@link FileChannel#transferTo} instead of iterating; the server still closes
     * the body, never the channel alone.
     * @return the file's channel, or {@code null} for a body that must be iterated
     */
    default FileChannel file() {
        return null;
    }

    /**
     * Return how many bytes any body yields, when that is known before iterating: a {@code Body}'s own
     * {@link #length()}, or the length of the one chunk of a {@link Collection} of size one.
     * @param body the body, of any type
     * @return the length, or {@link #UNKNOWN_LENGTH}
     */
    static long lengthOf(Iterable<byte[]> body) {
        if (body instanceof Body known) {
            return known.length();
        }
        if (body instanceof Collection<byte[]> chunks && chunks.size() == 1) {
            // A collection may be iterated again; a null chunk is left for the iteration to report.
            Iterator<byte[]> only = chunks.iterator();
            byte[] chunk = only.hasNext() ? only.next() : null;
            return chunk != null ? chunk.length : UNKNOWN_LENGTH;
        }
        return UNKNOWN_LENGTH;
    }

    /**
     * Return the file behind any body: a {@code Body}'s own {@link #file()}, else {@code null}.
     * @param body the body, of any type
     * @return the file's channel, positioned where the body starts, or {@code null}
     */
    static FileChannel fileOf(Iterable<byte[]> body) {
        return body instanceof Body known ? known.file() : null;
    }
}
