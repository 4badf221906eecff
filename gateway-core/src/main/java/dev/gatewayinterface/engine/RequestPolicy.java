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

    private RequestPolicy() {
    }

    /**
     * Tell whether the request is {@code OPTIONS *}, a question about the server that the gateway answers itself.
     * Only a binding that hands the raw target over can tell; Tomcat answers it before any application.
     */
    static boolean isServerOptions(Exchange exchange) {
        return "OPTIONS".equals(exchange.method()) && "*".equals(exchange.rawTarget());
    }

    /**
     * Check one request.
     * @return the refusal, or {@code null} when the request may reach the application
     */
    static Refusal check(Exchange exchange, boolean strictPaths, RequestLimits limits) {
        Refusal tooLong = checkRequestLine(exchange, limits);
        if (tooLong != null) {
            return tooLong;
        }
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
        Refusal target = isServerOptions(exchange) ? null : checkTarget(exchange);
        if (target != null) {
            return target;
        }
        if (strictPaths && !isServerOptions(exchange)) {
            Refusal ambiguous = checkSegments(exchange.rawScriptName() + exchange.rawPathInfo());
            if (ambiguous != null) {
                return ambiguous;
            }
        }
        Headers headers = Headers.of(exchange);
        Refusal size = headers.sizeError(limits);
        if (size != null) {
            return size;
        }
        Refusal syntax = headers.syntaxError();
        if (syntax != null) {
            return syntax;
        }
        Refusal framing = checkFraming(headers, protocol);
        if (framing != null) {
            return framing;
        }
        Refusal host = RequestTargets.checkHosts(headers.values("host"), protocol, exchange.rawTarget());
        if (host != null) {
            return host;
        }
        Refusal expectation = checkExpect(headers);
        return expectation != null ? expectation : checkBodySize(exchange, limits);
    }

    /**
     * Refuse a request line longer than the limit, counted as it went on the wire: method, target and version with
     * a space between each. A server that parsed a longer one already refused it itself.
     */
    private static Refusal checkRequestLine(Exchange exchange, RequestLimits limits) {
        String target = exchange.rawTarget();
        long targetLength = target != null ? target.length()
                : exchange.rawScriptName().length() + exchange.rawPathInfo().length()
                        + (exchange.rawQuery() != null ? 1 + exchange.rawQuery().length() : 0);
        long length = exchange.method().length() + 1 + targetLength + 1 + exchange.protocol().length();
        if (length > limits.maxRequestLine()) {
            return new Refusal(414, "URI Too Long", "the request line is " + length + " bytes long, more than the "
                    + limits.maxRequestLine() + " gateway.limits.max-request-line allows (RFC 9112 §3)");
        }
        return null;
    }

    /** Refuse an expectation other than {@code 100-continue}, which is the only one a server can meet. */
    private static Refusal checkExpect(Headers headers) {
        for (String expect : headers.values("expect")) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                return new Refusal(417, "Expectation Failed", "the expectation " + quote(expect)
                        + " cannot be met; only 100-continue can (RFC 9110 §10.1.1)");
            }
        }
        return null;
    }

    /** Refuse a body whose declared length is over the mount's limit, before the application reads any of it. */
    private static Refusal checkBodySize(Exchange exchange, RequestLimits limits) {
        long length = exchange.contentLength();
        if (limits.bodyTooLong(length)) {
            return new Refusal(413, "Content Too Large", "the request body of " + length + " bytes is longer than "
                    + limits.maxRequestBody() + " bytes, the limit " + limits.bodySetting()
                    + " sets (RFC 9110 §15.5.14)");
        }
        return null;
    }

    private static Refusal checkTarget(Exchange exchange) {
        String target = exchange.rawTarget();
        if (target != null) {
            Refusal raw = RequestTargets.check(exchange.method(), target);
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
        String bad = RequestTargets.firstBadChar(path) != null ? path
                : query != null && RequestTargets.firstBadChar(query) != null ? query : null;
        if (bad != null) {
            return new Refusal(400, "Bad Request", "the target " + quote(bad) + " holds "
                    + RequestTargets.firstBadChar(bad) + ", which a request target must percent-encode (RFC 3986 §3.3, "
                    + "RFC 9112 §3.2)");
        }
        return null;
    }

    /**
     * Refuse dot segments and path parameters, plain or percent-encoded ({@code /a/../b}, {@code /%2e%2e/},
     * {@code /..;/}, {@code /a;jsessionid=1}): a container normalises them away before it routes, while the mount
     * was chosen on the raw path, so an access rule keyed on the one sees another resource than the one answering.
     */
    private static Refusal checkSegments(String path) {
        if (path.indexOf('.') < 0 && path.indexOf(';') < 0 && path.indexOf('%') < 0) {
            // Most paths: nothing that could spell a dot segment or a parameter, and no segment to copy.
            return null;
        }
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

    /**
     * Refuse any Transfer-Encoding but one {@code chunked}: a list that is malformed or does not end with one
     * {@code chunked} with 400, since its framing cannot be known; a well-formed list naming a coding this server does
     * not decode with 501. Tomcat draws the same line, so both stacks answer alike.
     */
    private static Refusal checkCodings(List<String> values) {
        String all = quote(String.join(", ", values));
        List<String> codings = new ArrayList<>();
        for (String value : values) {
            for (String coding : value.split(",", -1)) {
                codings.add(coding.strip());
            }
        }
        long chunked = codings.stream().filter(coding -> coding.equalsIgnoreCase("chunked")).count();
        if (codings.stream().anyMatch(coding -> !ResponseRules.isToken(coding)) || chunked > 1
                || (chunked == 1 && !codings.get(codings.size() - 1).equalsIgnoreCase("chunked"))) {
            return new Refusal(400, "Bad Request", "Transfer-Encoding " + all + " is not a list of codings ending in "
                    + "one \"chunked\", so the body's end cannot be known (RFC 9112 §6.1, §7)");
        }
        if (codings.size() > 1 || chunked == 0) {
            return new Refusal(501, "Not Implemented", "Transfer-Encoding " + all + " names a coding other than "
                    + "\"chunked\", the one this server reads (RFC 9112 §6.1)");
        }
        return null;
    }

    private static Refusal checkFraming(Headers headers, String protocol) {
        List<String> codings = headers.values("transfer-encoding");
        List<String> lengths = headers.values("content-length");
        if (!codings.isEmpty()) {
            if ("HTTP/1.0".equals(protocol)) {
                return new Refusal(400, "Bad Request", "an HTTP/1.0 request has no Transfer-Encoding (RFC 9112 §6.1)");
            }
            Refusal coding = checkCodings(codings);
            if (coding != null) {
                return coding;
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

        /** Refuse more header lines, or more header bytes, than the limits allow, counted as Reactor Netty does. */
        Refusal sizeError(RequestLimits limits) {
            if (names.size() > limits.maxHeaderCount()) {
                return new Refusal(431, "Request Header Fields Too Large", "the request has " + names.size()
                        + " header lines, more than the " + limits.maxHeaderCount()
                        + " gateway.limits.max-header-count allows (RFC 6585 §5)");
            }
            long bytes = 0;
            for (int i = 0; i < names.size(); i++) {
                // "name: value" and its CR, as each line went on the wire.
                bytes += names.get(i).length() + values.get(i).length() + 3;
            }
            if (bytes > limits.maxHeaderSize()) {
                return new Refusal(431, "Request Header Fields Too Large", "the header lines hold " + bytes
                        + " bytes, more than the " + limits.maxHeaderSize()
                        + " gateway.limits.max-header-size allows (RFC 6585 §5)");
            }
            return null;
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
