package dev.gatewayinterface.reactive;

import dev.gatewayinterface.engine.Exchange;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Read a request's connection facts from Reactor Netty's native request, whose {@code connection*} methods and
 * headers no forwarded-header handling changes; only loaded when Reactor Netty is present.
 */
final class NettyConnection {

    private NettyConnection() {
    }

    /** Return the facts, or {@code null} when the request is no Reactor Netty request (a mock). */
    static ReactiveConnection of(ServerHttpRequest request) {
        HttpServerRequest netty;
        try {
            if (!(ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest nativeRequest)) {
                return null;
            }
            netty = nativeRequest;
        }
        catch (RuntimeException ex) {
            // A request that has no native one (a mock) is no Reactor Netty request.
            return null;
        }
        String scheme = netty.connectionScheme();
        SocketAddress peer = netty.connectionRemoteAddress();
        InetSocketAddress remote = peer instanceof InetSocketAddress inet ? inet : null;
        String host = netty.requestHeaders().get("Host");
        String serverName;
        int serverPort;
        if (host != null && !host.isEmpty()) {
            int colon = host.lastIndexOf(':');
            boolean hasPort = colon > host.lastIndexOf(']');
            serverName = hasPort ? host.substring(0, colon) : host;
            serverPort = hasPort ? parsePort(host.substring(colon + 1), scheme) : defaultPort(scheme);
        }
        else {
            SocketAddress local = netty.connectionHostAddress();
            InetSocketAddress inet = local instanceof InetSocketAddress address ? address : null;
            serverName = inet != null ? inet.getHostString() : "localhost";
            serverPort = inet != null ? inet.getPort() : defaultPort(scheme);
        }
        List<String[]> forwarded = new ArrayList<>(2);
        for (Map.Entry<String, String> header : netty.requestHeaders()) {
            if (Exchange.isForwardedHeader(header.getKey())) {
                forwarded.add(new String[] { header.getKey(), header.getValue() });
            }
        }
        return new ReactiveConnection(ReactiveConnection.address(remote), remote != null ? remote.getPort() : -1,
                scheme, serverName, serverPort, rawPath(netty.uri()), List.copyOf(forwarded));
    }

    /** Return the path of a raw target in origin or absolute form, without its query. */
    private static String rawPath(String target) {
        String path = target;
        int scheme = path.indexOf("://");
        if (scheme >= 0 && scheme < path.indexOf('/')) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static int parsePort(String port, String scheme) {
        // The acceptance policy (SPEC §14) refuses a Host whose port is no number before any environ is built.
        try {
            return Integer.parseInt(port);
        }
        catch (NumberFormatException ex) {
            return defaultPort(scheme);
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
