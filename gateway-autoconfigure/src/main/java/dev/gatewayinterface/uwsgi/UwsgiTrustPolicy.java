package dev.gatewayinterface.uwsgi;

import dev.gatewayinterface.engine.TrustedProxies;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Decide how much of a proxy's account of the client a uwsgi request's environ takes (docs/SPEC.md §17.3). The vars
 * of a uwsgi packet that describe the client ({@code REMOTE_ADDR}, {@code HTTPS}, {@code SERVER_NAME},
 * {@code REMOTE_USER}…) are whatever the connecting peer wrote: a policy believes them, keeps the connection's own
 * facts instead, or computes others.
 *
 * <p>The auto-configured policy is {@link #trusting(TrustedProxies)} with {@code gateway.proxy.trusted}; declare a
 * bean of this type to replace it.
 */
@FunctionalInterface
public interface UwsgiTrustPolicy {

    /**
     * Take the vars as every peer states them, as uWSGI does: right only for a listener that nothing but a trusted
     * proxy can reach.
     */
    UwsgiTrustPolicy TRUST_VARS = (peer, stated, connection, vars) -> stated;

    /**
     * Believe the vars of the peers a list names, as the HTTP bindings believe the forwarded headers of the proxies
     * {@code gateway.proxy.trusted} names (docs/SPEC.md §16): from any other peer, the environ describes the
     * connection, and a client's headers decide only {@code SERVER_NAME} and {@code SERVER_PORT}, as on HTTP.
     * @param trusted the peers to believe
     * @return the policy
     */
    static UwsgiTrustPolicy trusting(TrustedProxies trusted) {
        Objects.requireNonNull(trusted, "trusted must not be null");
        return new UwsgiTrustPolicy() {

            @Override
            public ClientFacts resolve(InetSocketAddress peer, ClientFacts stated, ClientFacts connection,
                    UwsgiVars vars) {
                return trusted.trusts(ClientFacts.literal(peer)) ? stated : connection;
            }

            @Override
            public String toString() {
                return "the vars of " + (trusted.isEmpty() ? "no peer" : "peers in " + trusted)
                        + " (gateway.proxy.trusted)";
            }
        };
    }

    /**
     * Decide the facts of one request.
     * @param peer the address of the connection's other end: the proxy, for a listener deployed as meant
     * @param stated the facts as the vars state them
     * @param connection the facts of the listener's own connection: the peer's address and port, {@code http}, and
     *     the server name and port of the {@code HTTP_HOST} var, else of the listener's address; nobody authenticated
     * @param vars every var of the packet, for forwarded headers such as {@code HTTP_X_FORWARDED_FOR}
     * @return the facts the environ shows
     */
    ClientFacts resolve(InetSocketAddress peer, ClientFacts stated, ClientFacts connection, UwsgiVars vars);
}
