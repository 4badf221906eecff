package dev.gatewayinterface.uwsgi;

import java.net.InetSocketAddress;

/**
 * Carry what a uwsgi request's environ says of the client and of the address it asked for: the facts a proxy
 * states in its vars, or those of the listener's own connection when its peer is not believed (docs/SPEC.md §17.3).
 *
 * @param remoteAddress the client's address ({@code REMOTE_ADDR}), or {@code null} if unknown
 * @param remotePort the client's port ({@code REMOTE_PORT}), or {@code -1} if unknown
 * @param scheme {@code "http"} or {@code "https"} ({@code wsgi.url_scheme}, {@code HTTPS})
 * @param serverName the host the client asked for ({@code SERVER_NAME})
 * @param serverPort the port the client asked for ({@code SERVER_PORT})
 * @param remoteUser the user the proxy authenticated ({@code REMOTE_USER}), or {@code null}
 * @param authType how the proxy authenticated the user ({@code AUTH_TYPE}), or {@code null}
 */
public record ClientFacts(String remoteAddress, int remotePort, String scheme, String serverName, int serverPort,
        String remoteUser, String authType) {

    /**
     * Create facts of a client nobody authenticated.
     * @param remoteAddress the client's address, or {@code null} if unknown
     * @param remotePort the client's port, or {@code -1} if unknown
     * @param scheme {@code "http"} or {@code "https"}
     * @param serverName the host the client asked for
     * @param serverPort the port the client asked for
     */
    public ClientFacts(String remoteAddress, int remotePort, String scheme, String serverName, int serverPort) {
        this(remoteAddress, remotePort, scheme, serverName, serverPort, null, null);
    }

    /**
     * Return the address of a connection's peer as an IP literal, without an IPv6 scope ({@code %eth0}), as the HTTP
     * bindings report a peer.
     * @param peer a connected peer
     * @return the literal
     */
    static String literal(InetSocketAddress peer) {
        String address = peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
        int scope = address.indexOf('%');
        return scope < 0 ? address : address.substring(0, scope);
    }
}
