package dev.gatewayinterface.uwsgi;

import java.io.IOException;

/**
 * Report bad input on a uwsgi connection: which fault, and a message that quotes what was received. The listener
 * logs it and closes the connection; an application reading a body that ended early gets it from
 * {@code wsgi.input}.
 */
public final class UwsgiProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    private final UwsgiFault fault;

    /**
     * Create the exception.
     * @param fault the kind of bad input
     * @param message what was received, and which rule it broke
     */
    public UwsgiProtocolException(UwsgiFault fault, String message) {
        super(message);
        this.fault = fault;
    }

    /**
     * Return the kind of bad input.
     * @return the fault
     */
    public UwsgiFault fault() {
        return fault;
    }
}
