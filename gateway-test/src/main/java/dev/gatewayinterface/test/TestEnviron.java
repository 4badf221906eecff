package dev.gatewayinterface.test;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.engine.Streams;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Build environs for calling applications directly in tests, with every key docs/SPEC.md §3.1 requires —
 * the counterpart of Python's {@code wsgiref.util.setup_testing_defaults}.
 *
 * <pre>{@code
 * Map<String, Object> environ = TestEnviron.builder().method("POST").path("/orders")
 *     .header("Content-Type", "application/json").body("{}").build();
 * }</pre>
 */
public final class TestEnviron {

    private final Map<String, Object> environ = new HashMap<>();

    private byte[] body;

    private TestEnviron() {
    }

    /**
     * Start an environ for {@code GET /} on {@code localhost:80}.
     * @return a builder
     */
    public static TestEnviron builder() {
        return new TestEnviron();
    }

    /**
     * Add every required key the map lacks, leaving the keys it has alone.
     * @param environ the environ to complete, changed in place
     * @return the same map
     */
    public static Map<String, Object> fillMissing(Map<String, Object> environ) {
        environ.putIfAbsent(Environ.REQUEST_METHOD, "GET");
        environ.putIfAbsent(Environ.SCRIPT_NAME, "");
        environ.putIfAbsent(Environ.PATH_INFO, "/");
        environ.putIfAbsent(Environ.QUERY_STRING, "");
        environ.putIfAbsent(Environ.SERVER_NAME, "localhost");
        environ.putIfAbsent(Environ.SERVER_PORT, "80");
        environ.putIfAbsent(Environ.SERVER_PROTOCOL, "HTTP/1.1");
        environ.putIfAbsent("HTTP_HOST", environ.get(Environ.SERVER_NAME) + ":" + environ.get(Environ.SERVER_PORT));
        environ.putIfAbsent(Environ.REMOTE_ADDR, "127.0.0.1");
        environ.putIfAbsent(Environ.WSGI_VERSION, Environ.VERSION);
        environ.putIfAbsent(Environ.WSGI_URL_SCHEME, "http");
        if (!environ.containsKey(Environ.WSGI_INPUT)) {
            Object length = environ.get(Environ.CONTENT_LENGTH);
            environ.put(Environ.WSGI_INPUT, Streams.input(new ByteArrayInputStream(new byte[0]),
                    length == null ? -1 : Long.parseLong((String) length)));
        }
        environ.putIfAbsent(Environ.WSGI_ERRORS, Streams.errors("test"));
        environ.putIfAbsent(Environ.WSGI_MULTITHREAD, Boolean.TRUE);
        environ.putIfAbsent(Environ.WSGI_MULTIPROCESS, Boolean.FALSE);
        environ.putIfAbsent(Environ.WSGI_RUN_ONCE, Boolean.FALSE);
        environ.putIfAbsent(Environ.WSGI_INPUT_TERMINATED, Boolean.TRUE);
        environ.putIfAbsent(Environ.WSGI_FILE_WRAPPER, Streams.fileWrapper());
        return environ;
    }

    /**
     * Set the method.
     * @param method the method, such as {@code "POST"}
     * @return this builder
     */
    public TestEnviron method(String method) {
        environ.put(Environ.REQUEST_METHOD, method);
        return this;
    }

    /**
     * Set the mount point.
     * @param scriptName {@code ""} or a native string starting with {@code /}
     * @return this builder
     */
    public TestEnviron scriptName(String scriptName) {
        environ.put(Environ.SCRIPT_NAME, scriptName);
        return this;
    }

    /**
     * Set the path below the mount point, as a native string (one char per byte, already decoded).
     * @param pathInfo the path
     * @return this builder
     */
    public TestEnviron path(String pathInfo) {
        environ.put(Environ.PATH_INFO, pathInfo);
        return this;
    }

    /**
     * Set the raw query.
     * @param query the query without {@code ?}, still percent-encoded
     * @return this builder
     */
    public TestEnviron query(String query) {
        environ.put(Environ.QUERY_STRING, query);
        return this;
    }

    /**
     * Add a request header as the server would: {@code CONTENT_TYPE}/{@code CONTENT_LENGTH}, or an
     * {@code HTTP_} key, joining a repeated header with {@code ,}.
     * @param name the header name
     * @param value the value
     * @return this builder
     */
    public TestEnviron header(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("content-type")) {
            environ.put(Environ.CONTENT_TYPE, value);
        }
        else if (lower.equals("content-length")) {
            environ.put(Environ.CONTENT_LENGTH, value);
        }
        else {
            String key = "HTTP_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
            environ.merge(key, value, (first, second) -> first + "," + second);
        }
        return this;
    }

    /**
     * Set the body and its {@code CONTENT_LENGTH}.
     * @param bytes the body
     * @return this builder
     */
    public TestEnviron body(byte[] bytes) {
        this.body = bytes.clone();
        environ.put(Environ.CONTENT_LENGTH, Integer.toString(bytes.length));
        return this;
    }

    /**
     * Set the body as UTF-8 text.
     * @param text the body
     * @return this builder
     */
    public TestEnviron body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Set any other key.
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public TestEnviron put(String key, Object value) {
        environ.put(key, value);
        return this;
    }

    /**
     * Return a new, mutable environ with every required key.
     * @return the environ
     */
    public Map<String, Object> build() {
        Map<String, Object> result = new HashMap<>(environ);
        if (body != null) {
            result.put(Environ.WSGI_INPUT, Streams.input(new ByteArrayInputStream(body), body.length));
        }
        return fillMissing(result);
    }

    /** Percent-encode a native-string path for a request target, keeping {@code /} and unreserved chars. */
    static String encodePath(String nativePath) {
        StringBuilder out = new StringBuilder(nativePath.length());
        for (int i = 0; i < nativePath.length(); i++) {
            char c = nativePath.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append(c);
            }
            else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
