package dev.gatewayinterface.servlet;

import java.io.IOException;

/**
 * Make the servlet container close the connection of a response that cannot end cleanly: an error after
 * the headers were sent, or a body shorter than its {@code Content-Length} (docs/SPEC.md §7).
 *
 * <p>The engine has already logged why, so this exception carries no stack trace. Containers answer an
 * exception from a committed response by including an error page and then closing the connection; map
 * this type to {@link #ERROR_PATH}, which the gateway answers with nothing, so no error page text is
 * appended to the truncated body.
 */
public final class ResponseAbortedException extends IOException {

    /** The error-page location to map this exception to; the gateway answers it with an empty include. */
    public static final String ERROR_PATH = "/gateway-response-aborted";

    private static final long serialVersionUID = 1L;

    ResponseAbortedException(String target, Throwable reason) {
        super("gateway aborted the response to " + target + " (" + reason + "); see the preceding log entry", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
