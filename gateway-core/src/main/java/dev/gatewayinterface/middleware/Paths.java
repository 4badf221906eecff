package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Environ;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Read and move the request's path the way CPython's {@code wsgiref.util} does: {@link #shiftPathInfo},
 * {@link #applicationUri} and {@link #requestUri}, for middleware that dispatches on path segments or builds
 * links and redirects.
 *
 * <p>{@code SCRIPT_NAME} and {@code PATH_INFO} are native strings (docs/SPEC.md §2): one char per byte of the
 * decoded path. {@link #toNative} turns text written in Java ({@code "/café"}) into that form, to compare it with
 * a path; {@link #fromNative} turns a piece of a path back into text.
 */
public final class Paths {

    /** The chars {@code urllib.parse.quote} never encodes. */
    private static final String ALWAYS_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~";

    private Paths() {
    }

    /**
     * Move the first segment of {@code PATH_INFO} to the end of {@code SCRIPT_NAME} and return it, as
     * {@code wsgiref.util.shift_path_info} does: empty and {@code .} segments in the middle of the path are
     * skipped, a {@code ..} segment takes the last segment off {@code SCRIPT_NAME}, and an empty last segment
     * (a trailing slash) moves as {@code ""}, leaving {@code SCRIPT_NAME} ending in {@code /}.
     *
     * <p>Unlike wsgiref, {@code SCRIPT_NAME} never becomes {@code "/"}, which docs/SPEC.md §3.1 forbids: shifting
     * the {@code "/"} of an application at the root leaves {@code SCRIPT_NAME} {@code ""}. The rest of
     * {@code SCRIPT_NAME} is kept as it was, never normalised.
     * @param environ the environ to change
     * @return the segment moved; {@code ""} for a trailing slash; {@code null} when {@code PATH_INFO} was empty,
     *     or was {@code "/."}, and nothing was moved but the dot
     */
    public static String shiftPathInfo(Map<String, Object> environ) {
        String pathInfo = (String) environ.getOrDefault(Environ.PATH_INFO, "");
        if (pathInfo.isEmpty()) {
            return null;
        }
        String[] parts = pathInfo.split("/", -1);
        // parts[0] is the "" before the leading slash; skip empty and "." segments but for the last one.
        int first = 1;
        while (first < parts.length - 1 && (parts[first].isEmpty() || parts[first].equals("."))) {
            first++;
        }
        String name = parts[first];
        StringBuilder rest = new StringBuilder();
        for (int i = first + 1; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            if (last || !(parts[i].isEmpty() || parts[i].equals("."))) {
                rest.append('/').append(parts[i]);
            }
        }
        environ.put(Environ.SCRIPT_NAME, shiftedScriptName((String) environ.getOrDefault(Environ.SCRIPT_NAME, ""), name));
        environ.put(Environ.PATH_INFO, rest.toString());
        return name.equals(".") ? null : name;
    }

    private static String shiftedScriptName(String scriptName, String name) {
        String base = scriptName.endsWith("/") ? scriptName.substring(0, scriptName.length() - 1) : scriptName;
        if (name.equals("..")) {
            return base.substring(0, Math.max(0, base.lastIndexOf('/')));
        }
        if (name.equals(".")) {
            return base;
        }
        if (name.isEmpty()) {
            return base.isEmpty() ? "" : base + "/";
        }
        return base + "/" + name;
    }

    /**
     * Return the URL of the application, without {@code PATH_INFO} and query, as
     * {@code wsgiref.util.application_uri} does: the scheme, the {@code Host} header (else {@code SERVER_NAME}
     * with {@code SERVER_PORT} unless it is the scheme's default), and {@code SCRIPT_NAME} percent-encoded, or
     * {@code /} at the root.
     * @param environ the request's environ
     * @return the URL, such as {@code http://example.com:8080/shop}
     */
    public static String applicationUri(Map<String, Object> environ) {
        String scheme = (String) environ.get(Environ.WSGI_URL_SCHEME);
        StringBuilder url = new StringBuilder(scheme).append("://");
        String host = (String) environ.get("HTTP_HOST");
        if (host != null && !host.isEmpty()) {
            url.append(host);
        }
        else {
            url.append(environ.get(Environ.SERVER_NAME));
            String port = (String) environ.get(Environ.SERVER_PORT);
            if (!port.equals("https".equals(scheme) ? "443" : "80")) {
                url.append(':').append(port);
            }
        }
        String scriptName = (String) environ.getOrDefault(Environ.SCRIPT_NAME, "");
        return url.append(quote(scriptName.isEmpty() ? "/" : scriptName, "/")).toString();
    }

    /**
     * Return the full URL of the request, as {@code wsgiref.util.request_uri} does: {@link #applicationUri}, then
     * {@code PATH_INFO} percent-encoded but for {@code /;=,}, then {@code ?} and the raw query when there is one.
     * @param environ the request's environ
     * @param includeQuery whether to add the query
     * @return the URL
     */
    public static String requestUri(Map<String, Object> environ, boolean includeQuery) {
        StringBuilder url = new StringBuilder(applicationUri(environ));
        String pathInfo = quote((String) environ.getOrDefault(Environ.PATH_INFO, ""), "/;=,");
        String scriptName = (String) environ.getOrDefault(Environ.SCRIPT_NAME, "");
        // applicationUri ended in the "/" of the root, which PATH_INFO starts with again.
        url.append(scriptName.isEmpty() && !pathInfo.isEmpty() ? pathInfo.substring(1) : pathInfo);
        String query = (String) environ.get(Environ.QUERY_STRING);
        if (includeQuery && query != null && !query.isEmpty()) {
            url.append('?').append(query);
        }
        return url.toString();
    }

    /**
     * Percent-encode a native string, as {@code urllib.parse.quote(text, safe, encoding='latin1')} does: each
     * char is one byte, and every byte but letters, digits, {@code _.-~} and the given safe chars is encoded.
     * @param nativeText a native string, such as a {@code PATH_INFO}
     * @param safe the chars to leave as they are, such as {@code "/"}
     * @return the encoded text, with upper-case hex digits
     * @throws IllegalArgumentException if a char is above U+00FF
     */
    public static String quote(String nativeText, String safe) {
        StringBuilder out = new StringBuilder(nativeText.length());
        for (int i = 0; i < nativeText.length(); i++) {
            char c = nativeText.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("SPEC §2: a native string holds no char above U+00FF, but "
                        + "\"" + nativeText + "\" has U+" + String.format("%04X", (int) c));
            }
            if (ALWAYS_SAFE.indexOf(c) >= 0 || safe.indexOf(c) >= 0) {
                out.append(c);
            }
            else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /**
     * Return text as a native string: its UTF-8 bytes, one char each, the form of a decoded path (§2).
     * @param text any text, such as {@code "/café"}
     * @return the native string, such as {@code "/cafÃ©"}
     */
    public static String toNative(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /**
     * Return the text a native string stands for, reading its bytes as UTF-8; a byte that is not UTF-8 becomes
     * U+FFFD.
     * @param nativeText a native string, such as a segment of {@code PATH_INFO}
     * @return the text
     */
    public static String fromNative(String nativeText) {
        return new String(nativeText.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
