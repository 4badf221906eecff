package dev.gatewayinterface.middleware.auth;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.middleware.Paths;
import dev.gatewayinterface.middleware.PlainText;
import java.util.List;
import java.util.Map;

/**
 * Share what both authentication middleware do: read the credentials of one scheme from {@code Authorization},
 * let the request in as a user, or answer 401 with a challenge.
 */
final class Challenge {

    private Challenge() {
    }

    /** Refuse a realm that cannot go in a quoted string of the challenge. */
    static String checkRealm(String realm) {
        if (realm == null || realm.isEmpty() || !realm.matches("[\\x20-\\x7E&&[^\"\\\\]]+")) {
            throw new IllegalArgumentException("A realm is printable ASCII without '\"' or '\\', not \"" + realm + "\"");
        }
        return realm;
    }

    /**
     * Return what follows the scheme in {@code Authorization}, or {@code null} when the request gives none of
     * this scheme. The scheme compares case-insensitively (RFC 9110 §11.1).
     */
    static String credentials(Map<String, Object> environ, String scheme) {
        String authorization = (String) environ.get("HTTP_AUTHORIZATION");
        if (authorization == null || authorization.length() <= scheme.length()
                || !authorization.regionMatches(true, 0, scheme, 0, scheme.length())
                || authorization.charAt(scheme.length()) != ' ') {
            return null;
        }
        return authorization.substring(scheme.length() + 1).trim();
    }

    /**
     * Let the request in as the user: {@code REMOTE_USER} and {@code AUTH_TYPE} for the application, and the
     * credentials out of its environ, so that it cannot log or echo them.
     */
    static void admit(Map<String, Object> environ, String user, String scheme) {
        environ.put(Environ.REMOTE_USER, Paths.toNative(user));
        environ.put(Environ.AUTH_TYPE, scheme);
        environ.remove("HTTP_AUTHORIZATION");
    }

    /** Answer 401 with the challenge; the body says nothing of what was wrong. */
    static List<byte[]> refuse(Map<String, Object> environ, StartResponse startResponse, String challenge) {
        return PlainText.respond(environ, startResponse, "401 Unauthorized", new Header("WWW-Authenticate", challenge));
    }
}
