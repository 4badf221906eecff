package dev.gatewayinterface.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decide whether a request may reach the application at all: the one acceptance policy every binding applies,
 * whatever its server already refused or let through (docs/SPEC.md §14). A request whose framing, version,
 * {@code Host}, target or header syntax breaks RFC 9110/9112 is answered here, and its connection closed, so that
 * no proxy in front and no server below can read the same bytes as a different request.
 */
final class RequestPolicy {

    /** Chars RFC 3986 allows in a path or query as they stand: unreserved, sub-delims, ':', '@', '/', '?', '%'. */
    private static final boolean[] TARGET_CHARS = new boolean[128];

    static {
        String allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%";
        for (char c : allowed.toCharArray()) {
            TARGET_CHARS[c] = true;
        }
    }

    private RequestPolicy() {
    }

    /** Why a request was refused: the status to answer, and the rule, for the body and the log. */
    record Refusal(int status, String reason, String rule) {
    }

    /**
     * Check one request.
     * @return the refusal, or {@code null} when the request may reach the application
     */
    static Refusal check(Exchange exchange, boolean strictPaths) {
        String protocol = exchange.protocol();
        if (!"HTTP/1.1".equals(protocol) && !"HTTP/1.0".equals(protocol) && !"HTTP/2.0".equals(protocol)) {
            return new Refusal(505, "HTTP Version Not Supported", "the version " + quote(protocol)
                    + " is not HTTP/1.0, HTTP/1.1 or HTTP/2 (RFC 9112 §2.3)");
        }
        String method = exchange.method();
        if (!ResponseRules.isToken(method)) {
            return new Refusal(400, "Bad Request", "the method " + quote(method) + " is not a token (RFC 9110 §9.1)");
        }
        if (method.equals("CONNECT")) {
            return new Refusal(501, "Not Implemented", "CONNECT asks for a tunnel, which this server does not make "
                    + "(RFC 9110 §9.3.6)");
        }
        Refusal target = checkTarget(exchange);
        if (target != null) {
            return target;
        }
        if (strictPaths) {
            Refusal ambiguous = checkSegments(exchange.rawScriptName() + exchange.rawPathInfo());
            if (ambiguous != null) {
                return ambiguous;
            }
        }
        Headers headers = Headers.of(exchange);
        Refusal syntax = headers.syntaxError();
        if (syntax != null) {
            return syntax;
        }
        Refusal framing = checkFraming(headers, protocol);
        return framing != null ? framing : checkHost(headers, protocol, exchange.rawTarget() != null);
    }

    private static Refusal checkTarget(Exchange exchange) {
        String target = exchange.rawTarget();
        if (target != null) {
            Refusal raw = checkRawTarget(target);
            if (raw != null) {
                return raw;
            }
        }
        String path = exchange.rawScriptName() + exchange.rawPathInfo();
        if (!path.isEmpty() && path.charAt(0) != '/') {
            return new Refusal(400, "Bad Request", "the target path " + quote(path)
                    + " is not in origin form (RFC 9112 §3.2)");
        }
        String query = exchange.rawQuery();
        String bad = firstBadChar(path) != null ? path : query != null && firstBadChar(query) != null ? query : null;
        if (bad != null) {
            return new Refusal(400, "Bad Request", "the target " + quote(bad) + " holds " + firstBadChar(bad)
                    + ", which a request target must percent-encode (RFC 3986 §3.3, RFC 9112 §3.2)");
        }
        return null;
    }

    /**
     * Refuse dot segments and path parameters, plain or percent-encoded ({@code /a/../b}, {@code /%2e%2e/},
     * {@code /..;/}, {@code /a;jsessionid=1}): a container normalises them away before it routes, while the mount
     * was chosen on the raw path, so an access rule keyed on the one sees another resource than the one answering.
     */
    private static Refusal checkSegments(String path) {
        for (String segment : path.split("/", -1)) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            int semicolon = decoded.indexOf(';');
            String name = semicolon < 0 ? decoded : decoded.substring(0, semicolon);
            if (name.equals(".") || name.equals("..") || semicolon >= 0 || segment.contains("%3b")
                    || segment.contains("%3B")) {
                return new Refusal(400, "Bad Request", "the path " + quote(path) + " holds the segment "
                        + quote(segment) + ": dot segments and path parameters are refused, since the container and the "
                        + "mount would read the path differently (gateway.paths.strict; RFC 3986 §3.3, §5.2.4)");
            }
        }
        return null;
    }

    /** Accept origin form ({@code /path?query}) and absolute form ({@code http://host/path}) only. */
    private static Refusal checkRawTarget(String target) {
        String rest = target;
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int slash = target.indexOf('/', lower.indexOf("//") + 2);
            String authority = target.substring(lower.indexOf("//") + 2, slash < 0 ? target.length() : slash);
            if (authority.contains("@") || !validAuthority(authority)) {
                return new Refusal(400, "Bad Request", "the target " + quote(target)
                        + " has no valid authority (RFC 9112 §3.2.2)");
            }
            rest = slash < 0 ? "/" : target.substring(slash);
        }
        if (!rest.startsWith("/")) {
            return new Refusal(400, "Bad Request", "the target " + quote(target)
                    + " is neither in origin form nor in absolute form (RFC 9112 §3.2)");
        }
        String bad = firstBadChar(rest);
        if (bad != null) {
            return new Refusal(400, "Bad Request", "the target " + quote(target) + " holds " + bad
                    + ", which a request target must percent-encode (RFC 3986 §3.3, RFC 9112 §3.2)");
        }
        return null;
    }

    private static String firstBadChar(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || !TARGET_CHARS[c]) {
                return quote(String.valueOf(c));
            }
        }
        return null;
    }

    /**
     * Check the Host headers. A missing one is refused only for a request that came over a connection the
     * binding saw raw: servers that check targets themselves (Tomcat) refuse it too, and a mock request
     * (MockMvc, WebTestClient's mock server) has no connection and no Host.
     */
    private static Refusal checkHost(Headers headers, String protocol, boolean fromConnection) {
        List<String> hosts = headers.values("host");
        if (hosts.size() > 1) {
            return new Refusal(400, "Bad Request", "the request has " + hosts.size() + " Host headers; exactly one "
                    + "is allowed (RFC 9112 §3.2)");
        }
        if (hosts.isEmpty()) {
            return fromConnection && "HTTP/1.1".equals(protocol) ? new Refusal(400, "Bad Request",
                    "an HTTP/1.1 request needs a Host header (RFC 9112 §3.2)") : null;
        }
        String host = hosts.get(0);
        if (host.isEmpty() || host.contains("@") || !validAuthority(host)) {
            return new Refusal(400, "Bad Request", "the Host " + quote(host)
                    + " is not a host with an optional port (RFC 9110 §7.2; no userinfo)");
        }
        return null;
    }

    /** Check {@code host[:port]}: a reg-name, an IPv4 address or a bracketed IPv6 literal, and a decimal port. */
    static boolean validAuthority(String authority) {
        String host = authority;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return false;
            }
            host = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (rest.charAt(0) != ':') {
                    return false;
                }
                port = rest.substring(1);
            }
        }
        else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon + 1);
            }
        }
        if (port != null && (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return false;
        }
        if (host.startsWith("[")) {
            return host.length() > 2 && host.substring(1, host.length() - 1).chars()
                .allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        return !host.isEmpty() && host.chars()
            .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "-._~%!$&'()*+,;=".indexOf(c) >= 0));
    }

    private static Refusal checkFraming(Headers headers, String protocol) {
        List<String> codings = headers.values("transfer-encoding");
        List<String> lengths = headers.values("content-length");
        if (!codings.isEmpty()) {
            if ("HTTP/1.0".equals(protocol)) {
                return new Refusal(400, "Bad Request", "an HTTP/1.0 request has no Transfer-Encoding (RFC 9112 §6.1)");
            }
            if (codings.size() > 1 || !codings.get(0).equalsIgnoreCase("chunked")) {
                return new Refusal(501, "Not Implemented", "Transfer-Encoding " + quote(String.join(", ", codings))
                        + " is not exactly \"chunked\", the one coding this server reads (RFC 9112 §6.1)");
            }
        }
        if (lengths.size() > 1) {
            return new Refusal(400, "Bad Request", "the request has " + lengths.size()
                    + " Content-Length headers; one is allowed (RFC 9112 §6.3)");
        }
        if (lengths.size() == 1 && (lengths.get(0).isEmpty() || lengths.get(0).length() > 18
                || !lengths.get(0).chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return new Refusal(400, "Bad Request", "Content-Length " + quote(lengths.get(0))
                    + " is not one decimal number (RFC 9110 §8.6)");
        }
        return null;
    }

    private static String quote(String value) {
        return ResponseRules.quote(value);
    }

    /** The request's header lines as the binding gives them: names in lower case, values as sent. */
    private record Headers(List<String> names, List<String> values) {

        static Headers of(Exchange exchange) {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            exchange.forEachHeader((name, value) -> {
                names.add(name.toLowerCase(Locale.ROOT));
                values.add(value);
            });
            return new Headers(names, values);
        }

        List<String> values(String name) {
            List<String> found = new ArrayList<>(1);
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(name)) {
                    found.add(values.get(i).strip());
                }
            }
            return found;
        }

        Refusal syntaxError() {
            for (int i = 0; i < names.size(); i++) {
                if (!ResponseRules.isToken(names.get(i))) {
                    return new Refusal(400, "Bad Request", "the header name " + quote(names.get(i))
                            + " is not a token (RFC 9110 §5.1)");
                }
                String value = values.get(i);
                for (int j = 0; j < value.length(); j++) {
                    char c = value.charAt(j);
                    if (c == '\r' || c == '\n' || c == 0) {
                        return new Refusal(400, "Bad Request", "the header " + names.get(i) + " holds "
                                + quote(String.valueOf(c)) + " (RFC 9110 §5.5)");
                    }
                }
            }
            return null;
        }
    }
}
