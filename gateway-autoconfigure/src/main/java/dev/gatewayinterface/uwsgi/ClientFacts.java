package dev.gatewayinterface.uwsgi;

/**
 * Carry what a uwsgi request's environ says of the client and of the address it asked for: the facts a proxy
 * states in its vars rather than the listener's own connection (docs/SPEC.md §17.3).
 *
 * @param remoteAddress the client's address ({@code REMOTE_ADDR}), or {@code null} if unknown
 * @param remotePort the client's port ({@code REMOTE_PORT}), or {@code -1} if unknown
 * @param scheme {@code "http"} or {@code "https"} ({@code wsgi.url_scheme}, {@code HTTPS})
 * @param serverName the host the client asked for ({@code SERVER_NAME})
 * @param serverPort the port the client asked for ({@code SERVER_PORT})
 */
public record ClientFacts(String remoteAddress, int remotePort, String scheme, String serverName, int serverPort) {
}
