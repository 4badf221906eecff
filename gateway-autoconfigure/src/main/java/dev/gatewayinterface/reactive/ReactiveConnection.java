package dev.gatewayinterface.reactive;

import dev.gatewayinterface.engine.Exchange;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * Describe a WebFlux request as its connection carried it, before {@code server.forward-headers-strategy} applied
 * forwarded headers for Spring's own handlers: Reactor Netty's forwarded support rewrites the request's addresses,
 * and Spring's {@code ForwardedHeaderTransformer} its URI, remote address and headers, while the gateway applies its
 * own rule to these facts (docs/SPEC.md §16). On Reactor Netty the facts come from its native request, which keeps
 * the connection's; on any other server, from Spring's request as the server built it.
 *
 * @param remoteAddress the peer's address, or {@code null} if unknown
 * @param remotePort the peer's port, or {@code -1}
 * @param scheme the connection's scheme
 * @param serverName the host the {@code Host} header names
 * @param serverPort the port the {@code Host} header names, or the scheme's default
 * @param rawPath the raw request path, as the client sent it
 * @param forwardedHeaders the forwarded header lines as received, name then value
 */
record ReactiveConnection(String remoteAddress, int remotePort, String scheme, String serverName, int serverPort,
        String rawPath, List<String[]> forwardedHeaders) {

    private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent(
            "reactor.netty.http.server.HttpServerRequest", ReactiveConnection.class.getClassLoader());

    /** Return the connection's facts of a request. */
    static ReactiveConnection of(ServerHttpRequest request) {
        ReactiveConnection netty = REACTOR_NETTY_PRESENT ? NettyConnection.of(request) : null;
        return netty != null ? netty : ofSpringRequest(request);
    }

    private static ReactiveConnection ofSpringRequest(ServerHttpRequest request) {
        URI uri = request.getURI();
        String scheme = uri.getScheme() != null ? uri.getScheme() : "http";
        // A request built by hand (a mock) may have no host; a servlet container would say localhost too.
        String host = uri.getHost() != null ? uri.getHost() : "localhost";
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        InetSocketAddress remote = request.getRemoteAddress();
        List<String[]> forwarded = new ArrayList<>(2);
        request.getHeaders().forEach((name, values) -> {
            if (Exchange.isForwardedHeader(name)) {
                values.forEach(value -> forwarded.add(new String[] { name, value }));
            }
        });
        return new ReactiveConnection(address(remote), remote != null ? remote.getPort() : -1, scheme, host, port,
                uri.getRawPath(), List.copyOf(forwarded));
    }

    static String address(InetSocketAddress remote) {
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /**
     * Return the raw path up to the mount as the client sent it: a transformer that applied
     * {@code X-Forwarded-Prefix} put the prefix in front of the path the mapping saw.
     */
    String rawScriptName(String mappedScriptName, String rawPathInfo) {
        if (rawPath == null || !rawPath.endsWith(rawPathInfo)) {
            return mappedScriptName;
        }
        return rawPath.substring(0, rawPath.length() - rawPathInfo.length());
    }
}
