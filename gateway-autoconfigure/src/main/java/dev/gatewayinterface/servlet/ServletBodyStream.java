package dev.gatewayinterface.servlet;

import dev.gatewayinterface.engine.RequestBodyException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Read a servlet request body, telling the engine when a failed read is the client's doing (docs/SPEC.md §4.3):
 * Tomcat throws its {@code BadRequestException} for a body whose chunked framing breaks RFC 9112 §7.1 (400), and
 * a {@code ClientAbortException} caused by a {@link SocketTimeoutException} for a client that stopped sending
 * (408). Recognised by name, so that the servlet binding needs no Tomcat class; other containers' failures pass
 * as they are.
 *
 * <p>Tomcat answers such a request itself, with {@code sendError} before the read returns: the response is then
 * the container's, and {@link #containerAnswered()} tells the exchange to leave it alone.
 */
final class ServletBodyStream extends FilterInputStream {

    private static final String BAD_REQUEST = "org.apache.coyote.BadRequestException";

    private final String timeout;

    private boolean containerAnswered;

    /**
     * Wrap a body stream.
     * @param body the container's stream
     * @param timeout the timeout a stalled client ran into, as a message names it
     */
    ServletBodyStream(InputStream body, String timeout) {
        super(body);
        this.timeout = timeout;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        }
        catch (IOException ex) {
            throw translate(ex);
        }
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        try {
            return super.read(bytes, offset, length);
        }
        catch (IOException ex) {
            throw translate(ex);
        }
    }

    /** Tell whether the container answered the request itself, after a read failed for the client's fault. */
    boolean containerAnswered() {
        return containerAnswered;
    }

    private IOException translate(IOException failure) {
        if (failure instanceof RequestBodyException) {
            return failure;
        }
        if (hasCause(failure, SocketTimeoutException.class)) {
            containerAnswered = isTomcat(failure);
            return RequestBodyException.timedOut("the client sent no more of the request body within " + timeout,
                    failure);
        }
        if (failure.getClass().getName().equals(BAD_REQUEST)) {
            containerAnswered = isTomcat(failure);
            return RequestBodyException.malformed("the request body is malformed: " + failure.getMessage()
                    + " (RFC 9112 §7)", failure);
        }
        return failure;
    }

    /** Tomcat reports a read failure as its BadRequestException or a subclass (ClientAbortException). */
    private static boolean isTomcat(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(BAD_REQUEST)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
