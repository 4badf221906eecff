package dev.gatewayinterface.middleware.auth;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.middleware.Middleware;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Let in only requests with a user name and password that the {@link CredentialCheck} accepts, sent by HTTP Basic
 * authentication (RFC 7617). The application sees {@code REMOTE_USER} (the user name, a native string,
 * docs/SPEC.md §2) and {@code AUTH_TYPE} {@code "Basic"}, and no {@code HTTP_AUTHORIZATION}: the password never
 * reaches it, nor any log of it. Every other request is answered {@code 401 Unauthorized} with
 * {@code WWW-Authenticate: Basic realm="…", charset="UTF-8"}, whatever was wrong, and nothing is logged.
 *
 * <p>Basic authentication sends the password with every request: serve it over TLS only.
 */
public final class BasicAuthentication implements Middleware {

    private final Application application;

    private final CredentialCheck check;

    private final String challenge;

    /**
     * Guard an application.
     * @param application the application to let requests in to
     * @param realm the protection space named in the challenge, printable ASCII without {@code "} or {@code \}
     * @param check decides whether a user name and password are right
     * @throws IllegalArgumentException if the realm breaks its rule, quoting it
     */
    public BasicAuthentication(Application application, String realm, CredentialCheck check) {
        this.application = Objects.requireNonNull(application, "application must not be null");
        this.check = Objects.requireNonNull(check, "check must not be null");
        this.challenge = "Basic realm=\"" + Challenge.checkRealm(realm) + "\", charset=\"UTF-8\"";
    }

    @Override
    public Application next() {
        return application;
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String userAndPassword = decode(Challenge.credentials(environ, "Basic"));
        int colon = userAndPassword == null ? -1 : userAndPassword.indexOf(':');
        if (colon < 0 || !check.matches(userAndPassword.substring(0, colon), userAndPassword.substring(colon + 1))) {
            return Challenge.refuse(environ, startResponse, challenge);
        }
        Challenge.admit(environ, userAndPassword.substring(0, colon), "Basic");
        return application.call(environ, startResponse);
    }

    /** Decode the base64 of UTF-8 text the challenge asked for; anything else counts as no credentials. */
    private static String decode(String token) {
        if (token == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(token);
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (IllegalArgumentException | CharacterCodingException ex) {
            // Not base64 of UTF-8: a broken or hostile client, answered like a wrong password.
            return null;
        }
    }

    @Override
    public String toString() {
        return "BasicAuthentication[" + challenge + "]";
    }
}
