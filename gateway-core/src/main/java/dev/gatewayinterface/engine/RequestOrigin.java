package dev.gatewayinterface.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Describe the request as its client made it: the connection's own facts, or, when the peer is a trusted proxy,
 * what the forwarded headers of the trusted hops say (docs/SPEC.md §16).
 *
 * @param remoteAddress the client's address, or {@code null} if unknown
 * @param remotePort the client's port, or {@code -1} if unknown
 * @param scheme {@code "http"} or {@code "https"}
 * @param serverName the host the client addressed
 * @param serverPort the port the client addressed
 * @param host the {@code Host} the client sent, when a proxy forwarded it; {@code null} keeps the request's own
 * @param rawPrefix the raw path a proxy mounted the server under, {@code ""} or starting with {@code /}
 */
record RequestOrigin(String remoteAddress, int remotePort, String scheme, String serverName, int serverPort,
        String host, String rawPrefix) {

    /**
     * Resolve the origin of one request.
     * @throws IllegalArgumentException naming the header and the value, when a trusted proxy's forwarded values are
     *     malformed or contradict each other
     */
    static RequestOrigin of(Exchange exchange, TrustedProxies trusted) {
        RequestOrigin connection = new RequestOrigin(exchange.remoteAddress(), exchange.remotePort(), exchange.scheme(),
                exchange.serverName(), exchange.serverPort(), null, "");
        if (!trusted.trusts(connection.remoteAddress())) {
            return connection;
        }
        ForwardedHeaders headers = ForwardedHeaders.of(exchange);
        return headers.isEmpty() ? connection : connection.forwardedBy(headers, trusted);
    }

    private RequestOrigin forwardedBy(ForwardedHeaders headers, TrustedProxies trusted) {
        Hop client = Hop.walk(headers, remoteAddress, trusted);
        String proto = agree("X-Forwarded-Proto", single("X-Forwarded-Proto", headers.protos()), "Forwarded proto",
                client.proto());
        String forwardedHost = agree("X-Forwarded-Host", single("X-Forwarded-Host", headers.hosts()),
                "Forwarded host", client.host());
        String forwardedPort = single("X-Forwarded-Port", headers.ports());
        String prefix = single("X-Forwarded-Prefix", headers.prefixes());
        String scheme = proto == null ? this.scheme : checkScheme(proto);
        String name = serverName;
        int port = headers.hostPort() >= 0 ? headers.hostPort() : proto == null ? serverPort : defaultPort(scheme);
        if (forwardedHost != null) {
            if (!RequestTargets.validAuthority(forwardedHost) || forwardedHost.contains("@")) {
                throw invalid("X-Forwarded-Host or Forwarded host", forwardedHost, "is not a host with an optional port");
            }
            int colon = forwardedHost.lastIndexOf(':');
            boolean hasPort = colon > forwardedHost.lastIndexOf(']');
            name = hasPort ? forwardedHost.substring(0, colon) : forwardedHost;
            port = hasPort ? Integer.parseInt(forwardedHost.substring(colon + 1)) : defaultPort(scheme);
        }
        if (forwardedPort != null) {
            port = checkPort(forwardedPort);
        }
        boolean moved = client.address() != null && !client.address().equals(IpLiterals.canonical(remoteAddress));
        return new RequestOrigin(moved ? client.address() : remoteAddress, moved ? client.port() : remotePort, scheme,
                name, port, forwardedHost, prefix == null ? "" : checkPrefix(prefix));
    }

    /** Return the one value a header gives, or {@code null}; a header that gives two different values is refused. */
    private static String single(String header, List<String> values) {
        String first = values.isEmpty() ? null : values.get(0);
        for (String value : values) {
            if (!value.equalsIgnoreCase(first)) {
                throw new IllegalArgumentException(header + " gives both " + ResponseRules.quote(first) + " and "
                        + ResponseRules.quote(value) + ", and no rule says which hop sent which; a trusted proxy sets "
                        + "one value (SPEC §16)");
            }
        }
        return first;
    }

    /** Return the value two headers give, either of which may be absent; two different values are refused. */
    private static String agree(String header, String value, String otherHeader, String other) {
        if (value != null && other != null && !value.equalsIgnoreCase(other)) {
            throw new IllegalArgumentException(header + " gives " + ResponseRules.quote(value) + " but " + otherHeader
                    + " gives " + ResponseRules.quote(other) + " (SPEC §16)");
        }
        return value != null ? value : other;
    }

    private static String checkScheme(String proto) {
        String scheme = proto.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("X-Forwarded-Proto or Forwarded proto", proto, "is neither http nor https");
        }
        return scheme;
    }

    private static int checkPort(String value) {
        if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
            throw invalid("X-Forwarded-Port", value, "is not a port from 1 to 65535");
        }
        return Integer.parseInt(value);
    }

    /** Accept a path of plain segments; drop a trailing slash, so {@code /} and {@code ""} mean no prefix. */
    private static String checkPrefix(String value) {
        String prefix = value;
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        boolean plain = value.startsWith("/") && !prefix.contains("//") && value.chars()
            .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+=:@/%".indexOf(c) >= 0));
        for (String segment : prefix.split("/")) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            plain &= !decoded.equals(".") && !decoded.equals("..");
        }
        if (!plain) {
            throw invalid("X-Forwarded-Prefix", value, "is not a path of plain segments starting with /");
        }
        return prefix;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static IllegalArgumentException invalid(String header, String value, String why) {
        return new IllegalArgumentException(header + " " + ResponseRules.quote(value) + " " + why + " (SPEC §16)");
    }

    /**
     * Name the client hop: its address and port, and the {@code proto} and {@code host} of the {@code Forwarded}
     * element that the first trusted proxy wrote about it.
     */
    private record Hop(String address, int port, String proto, String host) {

        /**
         * Walk the {@code X-Forwarded-For} and {@code Forwarded} chains from the right, past every trusted address:
         * the first untrusted one is the client; an entry that names no address ({@code unknown}, an obfuscated
         * {@code _name}) ends the walk at the proxy that wrote it. Where both headers are present they must agree.
         */
        static Hop walk(ForwardedHeaders headers, String peer, TrustedProxies trusted) {
            Hop fromList = walkList(headers.forwardedFor(), peer, trusted);
            Hop fromElements = walkElements(headers.forwarded(), peer, trusted);
            if (fromList != null && fromElements != null && !fromList.address().equals(fromElements.address())) {
                throw new IllegalArgumentException("X-Forwarded-For names the client " + fromList.address()
                        + " but Forwarded names " + fromElements.address() + " (SPEC §16)");
            }
            if (fromElements != null) {
                return fromElements;
            }
            return fromList != null ? fromList : new Hop(null, -1, null, null);
        }

        private static Hop walkList(List<String> entries, String peer, TrustedProxies trusted) {
            if (entries.isEmpty()) {
                return null;
            }
            Hop current = new Hop(IpLiterals.canonical(peer), -1, null, null);
            for (int i = entries.size() - 1; i >= 0; i--) {
                Hop hop = node(entries.get(i), null, null);
                if (hop == null) {
                    break;
                }
                current = hop;
                if (!trusted.trusts(hop.address())) {
                    break;
                }
            }
            return current;
        }

        private static Hop walkElements(List<Map<String, String>> elements, String peer, TrustedProxies trusted) {
            if (elements.isEmpty()) {
                return null;
            }
            Hop current = new Hop(IpLiterals.canonical(peer), -1, null, null);
            for (int i = elements.size() - 1; i >= 0; i--) {
                Map<String, String> element = elements.get(i);
                Hop hop = node(element.get("for"), element.get("proto"), element.get("host"));
                if (hop == null) {
                    // The trusted proxy that wrote this element knew no address for its client, but what it received.
                    return new Hop(current.address(), current.port(), element.get("proto"), element.get("host"));
                }
                current = hop;
                if (!trusted.trusts(hop.address())) {
                    break;
                }
            }
            return current;
        }

        /** Read a node: an address, {@code [v6]} or either with {@code :port}; {@code null} if it names none. */
        private static Hop node(String node, String proto, String host) {
            if (node == null) {
                return null;
            }
            String address = node;
            String port = null;
            if (node.startsWith("[")) {
                int close = node.indexOf(']');
                address = close < 0 ? node : node.substring(0, close + 1);
                port = close >= 0 && node.startsWith(":", close + 1) ? node.substring(close + 2) : null;
            }
            else if (node.indexOf(':') == node.lastIndexOf(':') && node.indexOf(':') >= 0) {
                address = node.substring(0, node.indexOf(':'));
                port = node.substring(node.indexOf(':') + 1);
            }
            String canonical = IpLiterals.canonical(address);
            if (canonical == null) {
                return null;
            }
            boolean numeric = port != null && !port.isEmpty() && port.length() <= 5
                    && port.chars().allMatch(c -> c >= '0' && c <= '9') && Integer.parseInt(port) <= 65535;
            return new Hop(canonical, numeric ? Integer.parseInt(port) : -1, proto, host);
        }
    }
}
