package dev.gatewayinterface.uwsgi;

import java.net.InetSocketAddress;

/**
 * Decide how much of a proxy's account of the client a uwsgi request's environ takes (docs/SPEC.md §17.3). The vars
 * of a uwsgi packet ({@code REMOTE_ADDR}, {@code HTTPS}, {@code SERVER_NAME}, {@code HTTP_X_FORWARDED_FOR}…) are
 * whatever the connecting peer wrote: a policy may take them, check the peer first, or replace them.
 *
 * <p>Declare a bean of this type to replace the default, {@link #TRUST_VARS}.
 */
@FunctionalInterface
public interface UwsgiTrustPolicy {

    /**
     * Take the vars as the peer stated them, as uWSGI does: right for a listener that only a trusted proxy can reach,
     * which is why {@code gateway.uwsgi.address} defaults to the loopback address.
     */
    UwsgiTrustPolicy TRUST_VARS = (peer, stated, vars) -> stated;

    /**
     * Decide the facts of one request.
     * @param peer the address of the connection's other end: the proxy, for a listener deployed as meant
     * @param stated the facts as the vars state them
     * @param vars every var of the packet, for forwarded headers such as {@code HTTP_X_FORWARDED_FOR}
     * @return the facts the environ shows
     */
    ClientFacts resolve(InetSocketAddress peer, ClientFacts stated, UwsgiVars vars);
}
