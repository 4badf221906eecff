package dev.gatewayinterface.python;

import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Stream what a Python application returned, one chunk per Python {@code next()}, never joined; closing it calls
 * the Python {@code close()} and then gives the context back to the pool, on whichever thread closes it.
 */
final class PythonBody implements Iterable<byte[]>, AutoCloseable {

    private final PythonContext context;

    private final Value result;

    private final Runnable release;

    private boolean closed;

    PythonBody(PythonContext context, Value result, Runnable release) {
        this.context = context;
        this.result = result;
        this.release = release;
    }

    @Override
    public Iterator<byte[]> iterator() {
        Value iterator;
        try {
            iterator = context.iterate(result);
        }
        catch (PolyglotException ex) {
            throw PythonCall.sneaky(context.fail(ex));
        }
        // One chunk is asked of Python each time the server wants the next, so nothing is read ahead or joined.
        return Stream.iterate(nextChunk(iterator), Objects::nonNull, previous -> nextChunk(iterator)).iterator();
    }

    private byte[] nextChunk(Value iterator) {
        try {
            return context.nextChunk(iterator);
        }
        catch (PolyglotException ex) {
            throw PythonCall.sneaky(context.fail(ex));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            context.close(result);
        }
        catch (PolyglotException ex) {
            throw PythonCall.sneaky(context.fail(ex));
        }
        finally {
            release.run();
        }
    }
}
