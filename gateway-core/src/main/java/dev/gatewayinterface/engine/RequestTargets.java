package dev.gatewayinterface.engine;

import java.util.List;
import java.util.Locale;

/**
 * Check a request target as it came on the request line, and the authorities in it and in {@code Host}
 * (docs/SPEC.md §14): origin form ({@code /path?query}) and absolute form ({@code http://host/path}) only, besides
 * {@code OPTIONS *}; only the chars RFC 3986 lets stand unencoded; a host that is a DNS name, an IPv4 address or a
 * bracketed IPv6 literal, with an optional decimal port. The engine's policy applies it to every request reaching a
 * mount; a server guard applies it to every request of the server.
 */
public final class RequestTargets {

    /** Chars RFC 3986 allows in a path or query as they stand: unreserved, sub-delims, ':', '@', '/', '?', '%'. */
    private static final boolean[] TARGET_CHARS = new boolean[128];

    static {
        String allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?%";
        for (char c : allowed.toCharArray()) {
            TARGET_CHARS[c] = true;
        }
    }

    private RequestTargets() {
    }

    /**
     * Check a raw request target.
     * @param method the request method
     * @param target the target exactly as the client sent it
     * @return the refusal, or {@code null} when the target is well formed
     */
    public static Refusal check(String method, String target) {
        if ("OPTIONS".equals(method) && "*".equals(target)) {
            return null;
        }
        String rest = target;
        String authority = absoluteAuthority(target);
        if (authority != null) {
            Refusal refusal = checkAbsoluteAuthority(target);
            if (refusal != null) {
                return refusal;
            }
            rest = target.substring(target.indexOf("//") + 2 + authority.length());
            // An empty path in absolute form is the root (RFC 9112 §3.2.2).
            rest = rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest;
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

    /**
     * Check the authority of an absolute-form target alone: a host with an optional port, and no userinfo
     * (RFC 9110 §4.2.4), which a server that reads the target itself may drop without a word.
     * @param target the target exactly as the client sent it
     * @return the refusal, or {@code null} when the target is in another form or its authority is well formed
     */
    public static Refusal checkAbsoluteAuthority(String target) {
        String authority = absoluteAuthority(target);
        if (authority != null && (authority.contains("@") || !validAuthority(authority))) {
            return new Refusal(400, "Bad Request", "the target " + quote(target)
                    + " has no valid authority (RFC 9112 §3.2.2)");
        }
        return null;
    }

    /**
     * Check a request's {@code Host} headers: exactly one on HTTP/1.1, a host with an optional port, no userinfo, and
     * the same authority as an absolute-form target. A missing one is refused only for a request whose raw target is
     * known, which came over a connection: a mock request (MockMvc, WebTestClient's mock server) has no Host.
     * @param hosts the values of the request's Host headers, stripped
     * @param protocol the request's protocol, such as {@code "HTTP/1.1"}
     * @param rawTarget the target as the client sent it, or {@code null} when the binding does not know it
     * @return the refusal, or {@code null} when the Host is right
     */
    public static Refusal checkHosts(List<String> hosts, String protocol, String rawTarget) {
        if (hosts.size() > 1) {
            return new Refusal(400, "Bad Request", "the request has " + hosts.size() + " Host headers; exactly one "
                    + "is allowed (RFC 9112 §3.2)");
        }
        if (hosts.isEmpty()) {
            return rawTarget != null && "HTTP/1.1".equals(protocol) ? new Refusal(400, "Bad Request",
                    "an HTTP/1.1 request needs a Host header (RFC 9112 §3.2)") : null;
        }
        String host = hosts.get(0);
        if (host.isEmpty() || host.contains("@") || !validAuthority(host)) {
            return new Refusal(400, "Bad Request", "the Host " + quote(host)
                    + " is not a host with an optional port (RFC 9110 §7.2; no userinfo)");
        }
        String authority = rawTarget != null ? absoluteAuthority(rawTarget) : null;
        // A host is read without case (RFC 3986 §6.2.2.1), as Tomcat compares the two.
        if (authority != null && !authority.equalsIgnoreCase(host)) {
            // RFC 9112 §3.2.2 lets the target's authority win; a proxy in front may have routed on Host instead.
            return new Refusal(400, "Bad Request", "the target names the host " + quote(authority) + " but Host says "
                    + quote(host) + ": a proxy in front and this server would serve different hosts (RFC 9112 §3.2.2)");
        }
        return null;
    }

    /** Quote the first char a target must not hold as it stands, or a '%' that starts no percent-encoding. */
    static String firstBadChar(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || !TARGET_CHARS[c]) {
                return quote(String.valueOf(c));
            }
            if (c == '%' && (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0)) {
                return quote(text.substring(i, Math.min(text.length(), i + 3))) + " (a '%' must start a %XX escape)";
            }
        }
        return null;
    }

    /** Return the authority of an absolute-form target, or {@code null} for any other form. */
    static String absoluteAuthority(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        int start = lower.indexOf("//") + 2;
        int slash = target.indexOf('/', start);
        int question = target.indexOf('?', start);
        int end = slash < 0 ? question : question < 0 ? slash : Math.min(slash, question);
        return target.substring(start, end < 0 ? target.length() : end);
    }

    /**
     * Check {@code host[:port]}: a DNS name (letters, digits, '-' and '.', as Tomcat accepts), an IPv4 address or a
     * bracketed IPv6 literal, and a decimal port of at most five digits.
     */
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
        return !host.isEmpty() && host.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'
                || c == '.'));
    }

    private static String quote(String value) {
        return ResponseRules.quote(value);
    }
}
