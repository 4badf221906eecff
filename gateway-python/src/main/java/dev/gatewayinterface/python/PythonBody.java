package dev.gatewayinterface.python;

import dev.gatewayinterface.Body;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.graalvm.polyglot.Value;

/**
 * Stream what a Python application returned, one chunk per Python {@code next()}, never joined; closing it calls
 * the Python {@code close()} and then gives the context back to the pool, on whichever thread closes it. When the
 * server stops Python while it is iterated (past its timeout, or at shutdown), the rest of the body is the
 * server's answer to that.
 */
final class PythonBody implements Body, AutoCloseable {

    private final PythonContext context;

    private final Value result;

    private final Runnable release;

    /** Return the server's answer to a failure of Python that the server caused, or rethrow any other. */
    private final Function<RuntimeException, List<byte[]>> stopped;

    /** What is left of the server's answer once it stopped Python; {@code null} until then. */
    private Iterator<byte[]> answer;

    private boolean closed;

    PythonBody(PythonContext context, Value result, Runnable release,
            Function<RuntimeException, List<byte[]>> stopped) {
        this.context = context;
        this.result = result;
        this.release = release;
        this.stopped = stopped;
    }

    /**
     * Return the length of a body that is a list or tuple of one bytes chunk, as the server knows a Java list of
     * one chunk (SPEC §1.4), so that a Python application gets its Content-Length set the same way.
     */
    @Override
    public long length() {
        if (answer != null || closed) {
            return UNKNOWN_LENGTH;
        }
        try {
            return context.knownLength(result);
        }
        catch (RuntimeException ex) {
            // Only a fact for the headers: iterating reports any real failure where it happens.
            return UNKNOWN_LENGTH;
        }
    }

    @Override
    public Iterator<byte[]> iterator() {
        Value iterator;
        try {
            iterator = context.iterate(result);
        }
        catch (RuntimeException ex) {
            answer = stopped.apply(ex).iterator();
            return answer;
        }
        // One chunk is asked of Python each time the server wants the next, so nothing is read ahead or joined.
        return Stream.iterate(nextChunk(iterator), Objects::nonNull, previous -> nextChunk(iterator)).iterator();
    }

    private byte[] nextChunk(Value iterator) {
        if (answer == null) {
            try {
                return context.nextChunk(iterator);
            }
            catch (RuntimeException ex) {
                answer = stopped.apply(ex).iterator();
            }
        }
        return answer.hasNext() ? answer.next() : null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // A cancelled context runs no more Python; its body's close() went with it.
            if (!context.dead()) {
                context.close(result);
            }
        }
        finally {
            release.run();
        }
    }
}
