package dev.gatewayinterface.uwsgi;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Read the request a uwsgi packet's vars describe (docs/SPEC.md §17.2): the method, the path below the proxy's
 * {@code SCRIPT_NAME}, the headers, what the proxy states of the client, and how the body is framed.
 *
 * <p>Paths are kept percent-encoded ("raw"), as the engine expects them: a proxy's {@code PATH_INFO} is already
 * decoded to bytes, so every byte outside RFC 3986's path characters is encoded again, and the engine's decoding
 * gives back exactly the proxy's bytes.
 */
final class UwsgiRequest {

    /** Vars the environ takes from this class's reading of them, never as they came. */
    private static final Set<String> INTERPRETED = Set.of("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING",
            "REQUEST_URI", "SERVER_PROTOCOL", "SERVER_NAME", "SERVER_PORT", "REMOTE_ADDR", "REMOTE_PORT", "HTTPS",
            "REQUEST_SCHEME", "UWSGI_SCHEME", "CONTENT_TYPE", "CONTENT_LENGTH", "REMOTE_USER", "AUTH_TYPE");

    private static final String PATH_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/";

    /** How the body that follows the vars ends. */
    enum Framing {

        /** After {@code CONTENT_LENGTH} bytes. */
        SIZED,

        /** When the peer ends its side of the connection: a chunked upload the proxy passes on unsized. */
        TO_END_OF_STREAM,

        /** At once: no {@code CONTENT_LENGTH} and no chunked upload, as uWSGI reads such a request. */
        EMPTY
    }

    private final UwsgiVars vars;

    private final String method;

    private final String rawPrefix;

    private final String rawPath;

    private final long contentLength;

    private final Framing framing;

    private UwsgiRequest(UwsgiVars vars, String method, String rawPrefix, String rawPath, long contentLength,
            Framing framing) {
        this.vars = vars;
        this.method = method;
        this.rawPrefix = rawPrefix;
        this.rawPath = rawPath;
        this.contentLength = contentLength;
        this.framing = framing;
    }

    /**
     * Read the request of a packet.
     * @param vars the packet's vars
     * @return the request
     * @throws UwsgiProtocolException if a var every request needs is missing, or the body's length is no number
     */
    static UwsgiRequest of(UwsgiVars vars) throws UwsgiProtocolException {
        String method = vars.get("REQUEST_METHOD");
        if (method == null || method.isEmpty()) {
            throw new UwsgiProtocolException(UwsgiFault.MISSING_VAR, "the packet has no REQUEST_METHOD var");
        }
        String pathInfo = vars.get("PATH_INFO");
        String requestUri = vars.get("REQUEST_URI");
        if (pathInfo == null && requestUri == null) {
            throw new UwsgiProtocolException(UwsgiFault.MISSING_VAR, "the packet has neither a PATH_INFO nor a "
                    + "REQUEST_URI var, so the path it asks for is unknown");
        }
        String rawPath = pathInfo != null ? encode(pathInfo) : pathOf(requestUri);
        String scriptName = vars.get("SCRIPT_NAME");
        String rawPrefix = scriptName == null || scriptName.equals("/") ? "" : encode(stripSlash(scriptName));
        if (!rawPrefix.isEmpty() && rawPath.startsWith(rawPrefix)
                && (rawPath.length() == rawPrefix.length() || rawPath.charAt(rawPrefix.length()) == '/')) {
            // nginx's PATH_INFO is the whole path: the mount is found below the prefix it gave as SCRIPT_NAME.
            rawPath = rawPath.substring(rawPrefix.length());
        }
        String length = vars.get("CONTENT_LENGTH");
        if (length != null && !length.isEmpty()) {
            if (length.length() > 18 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new UwsgiProtocolException(UwsgiFault.BAD_CONTENT_LENGTH, "CONTENT_LENGTH "
                        + UwsgiCodec.quote(length.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                        + " is not a decimal number, so the body's end is unknown");
            }
            return new UwsgiRequest(vars, method, rawPrefix, rawPath, Long.parseLong(length), Framing.SIZED);
        }
        String coding = vars.get("HTTP_TRANSFER_ENCODING");
        boolean chunked = coding != null && coding.toLowerCase(Locale.ROOT).contains("chunked");
        return new UwsgiRequest(vars, method, rawPrefix, rawPath, -1, chunked ? Framing.TO_END_OF_STREAM : Framing.EMPTY);
    }

    UwsgiVars vars() {
        return vars;
    }

    String method() {
        return method;
    }

    /** Return the proxy's SCRIPT_NAME, percent-encoded, without a trailing slash: {@code ""} when it gave none. */
    String rawPrefix() {
        return rawPrefix;
    }

    /** Return the path below the proxy's SCRIPT_NAME, percent-encoded: where the mount is looked for. */
    String rawPath() {
        return rawPath;
    }

    /** Return the body's length, or {@code -1} unless it is {@link Framing#SIZED}. */
    long contentLength() {
        return contentLength;
    }

    Framing framing() {
        return framing;
    }

    /** Return the query as sent, or {@code null} when the target had none. */
    String rawQuery() {
        String query = vars.get("QUERY_STRING");
        if (query != null) {
            return query;
        }
        String uri = vars.get("REQUEST_URI");
        int mark = uri == null ? -1 : uri.indexOf('?');
        return mark < 0 ? null : uri.substring(mark + 1);
    }

    String protocol() {
        String protocol = vars.get("SERVER_PROTOCOL");
        return protocol == null || protocol.isEmpty() ? "HTTP/1.0" : protocol;
    }

    /** Return the facts the vars state of the client and the address it asked for. */
    ClientFacts stated(InetSocketAddress local) {
        String scheme = scheme();
        String serverName = nonEmpty(vars.get("SERVER_NAME"));
        int serverPort = decimal(vars.get("SERVER_PORT"));
        return new ClientFacts(nonEmpty(vars.get("REMOTE_ADDR")), decimal(vars.get("REMOTE_PORT")), scheme,
                serverName != null ? serverName : serverNameOfHost(local),
                serverPort >= 0 ? serverPort : serverPortOfHost(scheme, local), remoteUser(), authType());
    }

    /**
     * Return the facts of the connection itself, for a peer whose vars are not believed: its address, plain
     * {@code http}, and the server the {@code Host} header names, as an HTTP binding reads a client's request.
     */
    ClientFacts connection(InetSocketAddress peer, InetSocketAddress local) {
        return new ClientFacts(ClientFacts.literal(peer), peer.getPort(), "http", serverNameOfHost(local),
                serverPortOfHost("http", local));
    }

    /** Return the host of {@code HTTP_HOST}, else the listener's address. */
    private String serverNameOfHost(InetSocketAddress local) {
        String host = vars.get("HTTP_HOST");
        String hostName = host == null ? null : hostOf(host);
        return hostName != null && !hostName.isEmpty() ? hostName : ClientFacts.literal(local);
    }

    /** Return the port of {@code HTTP_HOST}, else the scheme's default port, else without a host the listener's. */
    private int serverPortOfHost(String scheme, InetSocketAddress local) {
        String host = vars.get("HTTP_HOST");
        if (host == null) {
            return local.getPort();
        }
        String hostName = hostOf(host);
        int port = hostName.length() < host.length() ? decimal(host.substring(hostName.length() + 1)) : -1;
        return port >= 0 ? port : "https".equals(scheme) ? 443 : 80;
    }

    /** Pass the request headers on, as HTTP names: {@code HTTP_X_REAL_IP} as {@code X-Real-Ip}. */
    void forEachHeader(BiConsumer<String, String> consumer) {
        String type = vars.get("CONTENT_TYPE");
        if (type != null && !type.isEmpty()) {
            consumer.accept("Content-Type", type);
        }
        if (framing == Framing.SIZED) {
            consumer.accept("Content-Length", Long.toString(contentLength));
        }
        vars.forEach((name, value) -> {
            // nginx repeats the body's type and length as HTTP_ vars: they are the CGI vars' copies, not headers.
            if (name.startsWith("HTTP_") && name.length() > 5 && !name.equals("HTTP_CONTENT_TYPE")
                    && !name.equals("HTTP_CONTENT_LENGTH")) {
                consumer.accept(headerName(name.substring(5)), value);
            }
        });
    }

    /** Pass on the vars that are neither headers nor facts this class reads, such as {@code DOCUMENT_ROOT}. */
    void forEachOtherVar(BiConsumer<String, String> consumer) {
        vars.forEach((name, value) -> {
            if (!name.startsWith("HTTP_") && !INTERPRETED.contains(name) && isCgiName(name)) {
                consumer.accept(name, value);
            }
        });
    }

    String remoteUser() {
        return nonEmpty(vars.get("REMOTE_USER"));
    }

    String authType() {
        return nonEmpty(vars.get("AUTH_TYPE"));
    }

    private String scheme() {
        String declared = vars.get("UWSGI_SCHEME");
        if ("http".equals(declared) || "https".equals(declared)) {
            return declared;
        }
        String https = vars.get("HTTPS");
        if (https != null && (https.equalsIgnoreCase("on") || https.equals("1") || https.equalsIgnoreCase("true"))) {
            return "https";
        }
        return "https".equals(vars.get("REQUEST_SCHEME")) ? "https" : "http";
    }

    /**
     * Percent-encode every char outside RFC 3986's path characters, {@code %} included, so that decoding gives back
     * exactly these bytes. Chars are bytes here (native strings).
     */
    static String encode(String bytes) {
        StringBuilder out = null;
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            boolean plain = c < 128 && PATH_CHARS.indexOf(c) >= 0;
            if (!plain && out == null) {
                out = new StringBuilder(bytes.length() + 16).append(bytes, 0, i);
            }
            if (out != null) {
                if (plain) {
                    out.append(c);
                }
                else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                }
            }
        }
        return out == null ? bytes : out.toString();
    }

    private static String pathOf(String requestUri) {
        int mark = requestUri.indexOf('?');
        return mark < 0 ? requestUri : requestUri.substring(0, mark);
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Return the host of a Host value without its port: {@code [::1]:80} gives {@code [::1]}. */
    private static String hostOf(String host) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }

    private static String headerName(String cgi) {
        StringBuilder name = new StringBuilder(cgi.length());
        boolean start = true;
        for (char c : cgi.toCharArray()) {
            name.append(c == '_' ? '-' : start ? c : Character.toLowerCase(c));
            start = c == '_';
        }
        return name.toString();
    }

    private static boolean isCgiName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_');
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static int decimal(String value) {
        if (value == null || value.isEmpty() || value.length() > 5
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(value);
    }
}
