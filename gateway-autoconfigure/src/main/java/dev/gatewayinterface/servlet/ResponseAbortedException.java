package dev.gatewayinterface.servlet;

import java.io.IOException;

/**
 * Make the servlet container close the connection of a response that cannot end cleanly: an error after
 * the headers were sent, or a body shorter than its {@code Content-Length} (docs/SPEC.md §7).
 *
 * <p>The engine has already logged why, so this exception carries no stack trace. {@link ServletAbortFilter}
 * throws it (or, on Tomcat, Tomcat's own client-abort exception) outside the DispatcherServlet.
 */
public final class ResponseAbortedException extends IOException {

    private static final long serialVersionUID = 1L;

    ResponseAbortedException(String target, Throwable reason) {
        super("gateway aborted the response to " + target + " (" + reason + "); see the preceding log entry", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
