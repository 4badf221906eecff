package dev.gatewayinterface.engine;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.Input;
import java.util.HashMap;
import java.util.Map;

/**
 * Build a fresh environ for each request from an {@link Exchange}, as docs/SPEC.md §3 lays it out.
 */
final class EnvironBuilder {

    /** Room for the CGI and wsgi keys plus a typical browser's headers, so the map never rehashes. */
    private static final int INITIAL_CAPACITY = 64;

    private final GatewayOptions options;

    EnvironBuilder(GatewayOptions options) {
        this.options = options;
    }

    Map<String, Object> build(Exchange exchange, Input input, Errors errors, RequestEnd end) {
        return build(exchange, RequestOrigin.of(exchange, options.trustedProxies()), input, errors, end);
    }

    /** Build the environ of a request whose origin (SPEC §16) was resolved already. */
    Map<String, Object> build(Exchange exchange, RequestOrigin origin, Input input, Errors errors, RequestEnd end) {
        Map<String, Object> environ = new HashMap<>(INITIAL_CAPACITY);
        // A proxy's mount point leads the path, as if the client's request had reached the server itself.
        String rawScriptName = origin.rawPrefix() + exchange.rawScriptName();
        String rawPathInfo = exchange.rawPathInfo();
        String rawQuery = exchange.rawQuery();
        environ.put(Environ.REQUEST_METHOD, exchange.method());
        environ.put(Environ.SCRIPT_NAME, NativeStrings.decodePath(rawScriptName));
        environ.put(Environ.PATH_INFO, NativeStrings.decodePath(rawPathInfo));
        environ.put(Environ.QUERY_STRING, rawQuery == null ? "" : NativeStrings.toLatin1(rawQuery));
        String requestUri = exchange.requestUri();
        String rawUri = NativeStrings.toLatin1(requestUri != null ? requestUri
                : rawQuery == null ? rawScriptName + rawPathInfo : rawScriptName + rawPathInfo + '?' + rawQuery);
        environ.put(Environ.REQUEST_URI, rawUri);
        environ.put(Environ.RAW_URI, rawUri);
        environ.put(Environ.SERVER_NAME, NativeStrings.toLatin1(origin.serverName()));
        environ.put(Environ.SERVER_PORT, Integer.toString(origin.serverPort()));
        environ.put(Environ.SERVER_PROTOCOL, exchange.protocol());
        putIfPresent(environ, Environ.REMOTE_ADDR, origin.remoteAddress());
        if (origin.remotePort() >= 0) {
            environ.put(Environ.REMOTE_PORT, Integer.toString(origin.remotePort()));
        }
        putIfPresent(environ, Environ.REMOTE_USER, exchange.remoteUser());
        putIfPresent(environ, Environ.AUTH_TYPE, exchange.authType());
        long contentLength = exchange.contentLength();
        if (contentLength >= 0) {
            environ.put(Environ.CONTENT_LENGTH, Long.toString(contentLength));
        }
        String scheme = origin.scheme();
        if ("https".equals(scheme)) {
            environ.put(Environ.HTTPS, "on");
        }
        exchange.forEachHeader((name, value) -> addHeader(environ, name, value));
        if (origin.host() != null) {
            // The Host the client sent, so that URLs an application builds from HTTP_HOST (PEP 3333) point back to it.
            environ.put("HTTP_HOST", NativeStrings.toLatin1(origin.host()));
        }
        environ.put(Environ.WSGI_VERSION, Environ.VERSION);
        environ.put(Environ.WSGI_URL_SCHEME, scheme);
        environ.put(Environ.WSGI_INPUT, input);
        environ.put(Environ.WSGI_ERRORS, errors);
        environ.put(Environ.WSGI_MULTITHREAD, Boolean.TRUE);
        environ.put(Environ.WSGI_MULTIPROCESS, Boolean.FALSE);
        environ.put(Environ.WSGI_RUN_ONCE, Boolean.FALSE);
        environ.put(Environ.WSGI_INPUT_TERMINATED, Boolean.TRUE);
        environ.put(Environ.WSGI_FILE_WRAPPER, FileBody.WRAPPER);
        environ.put(RequestEnd.ENVIRON_KEY, end);
        exchange.addExtensions(environ);
        for (Map.Entry<String, String> entry : options.environ().entrySet()) {
            environ.putIfAbsent(entry.getKey(), entry.getValue());
        }
        return environ;
    }

    private void addHeader(Map<String, Object> environ, String name, String value) {
        if (name.equalsIgnoreCase("Content-Type")) {
            environ.putIfAbsent(Environ.CONTENT_TYPE, NativeStrings.toLatin1(value));
            return;
        }
        if (name.equalsIgnoreCase("Content-Length")) {
            return;
        }
        if (name.indexOf('_') >= 0 && options.underscoreHeaders() == UnderscoreHeaders.DROP) {
            return;
        }
        String key = NativeStrings.environKey(name);
        if (key.equals("HTTP_CONTENT_TYPE") || key.equals("HTTP_CONTENT_LENGTH")) {
            // A kept Content_Length must not pose as a second length: PEP 3333's validator refuses these keys.
            return;
        }
        String separator = key.equals("HTTP_COOKIE") ? "; " : ",";
        environ.merge(key, NativeStrings.toLatin1(value), (first, second) -> first + separator + second);
    }

    private static void putIfPresent(Map<String, Object> environ, String key, String value) {
        if (value != null) {
            environ.put(key, NativeStrings.toLatin1(value));
        }
    }
}
