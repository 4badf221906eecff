package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Application;

/**
 * Serve applications for the conformance suite: what a server binding implements to run {@link GatewayTck}.
 *
 * <p>An in-process binding calls the application directly; an HTTP binding mounts it on a running server
 * and speaks HTTP to it (see {@link HttpTckBinding}). Scenarios run one at a time.
 */
public interface TckBinding {

    /**
     * Serve one request with the application mounted at {@link #mountPath()}.
     * @param application the application for this request
     * @param request the request; its target is below the mount path
     * @return what the client received
     * @throws Exception if the request could not be made
     */
    TckResponse send(Application application, TckRequest request) throws Exception;

    /**
     * Return the raw path the binding mounts applications at, which starts their {@code SCRIPT_NAME}.
     * @return a path starting with {@code /}, without a trailing slash
     */
    String mountPath();

    /**
     * Tell whether the binding carries requests over a real connection, so that scenarios about
     * connection-level behaviour (pipelining, {@code Expect: 100-continue}) can check the wire too.
     * @return {@code true} for a binding that speaks HTTP
     */
    default boolean overTheWire() {
        return false;
    }
}
