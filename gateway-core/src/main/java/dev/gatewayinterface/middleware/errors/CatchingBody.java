package dev.gatewayinterface.middleware.errors;

import dev.gatewayinterface.middleware.ForwardingBody;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Pass a body's chunks on until it fails, then the error page's chunks instead. It keeps the body's facts
 * (docs/SPEC.md §1.4) although the page replaces its bytes: the page declares its own {@code Content-Length},
 * which wins over a length the server knew (§1.2), and a file the server sends without iterating fails only
 * when the client went away, which no page can answer.
 */
final class CatchingBody extends ForwardingBody {

    /** Start the error page for a failure and return its body, or rethrow the failure when that is too late. */
    @FunctionalInterface
    interface PageMaker {

        List<byte[]> page(Throwable failure);
    }

    private final PageMaker pageMaker;

    CatchingBody(Iterable<byte[]> body, PageMaker pageMaker) {
        super(body);
        this.pageMaker = pageMaker;
    }

    /**
     * Return a failure an error page may answer, or rethrow a {@link VirtualMachineError}: the JVM may be failing,
     * and the server must see it (docs/SPEC.md §7).
     */
    static Throwable unlessFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        return failure;
    }

    @Override
    public Iterator<byte[]> iterator() {
        Iterator<byte[]> chunks;
        try {
            chunks = super.iterator();
        }
        catch (Throwable failure) {
            return pageMaker.page(unlessFatal(failure)).iterator();
        }
        return new Iterator<>() {

            private Iterator<byte[]> page;

            @Override
            public boolean hasNext() {
                if (page != null) {
                    return page.hasNext();
                }
                try {
                    return chunks.hasNext();
                }
                catch (Throwable failure) {
                    page = pageMaker.page(unlessFatal(failure)).iterator();
                    return page.hasNext();
                }
            }

            @Override
            public byte[] next() {
                if (page != null) {
                    return page.next();
                }
                try {
                    return chunks.next();
                }
                catch (NoSuchElementException ex) {
                    // The server's own mistake, asking past the end: no failure of the application's.
                    throw ex;
                }
                catch (Throwable failure) {
                    page = pageMaker.page(unlessFatal(failure)).iterator();
                    return page.hasNext() ? page.next() : new byte[0];
                }
            }
        };
    }
}
