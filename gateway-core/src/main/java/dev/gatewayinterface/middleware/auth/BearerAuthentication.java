package dev.gatewayinterface.middleware.auth;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.middleware.Middleware;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Let in only requests with a bearer token (RFC 6750) that the {@link TokenVerifier} accepts. The application sees
 * {@code REMOTE_USER} (the name the verifier returned, as a native string, docs/SPEC.md §2), {@code AUTH_TYPE}
 * {@code "Bearer"}, and no {@code HTTP_AUTHORIZATION}. A request without a token is answered
 * {@code 401 Unauthorized} with {@code WWW-Authenticate: Bearer realm="…"}; one with a malformed or rejected token
 * adds {@code error="invalid_token"} to the challenge, as RFC 6750 §3.1 says. Nothing is logged.
 */
public final class BearerAuthentication implements Middleware {

    private final Application application;

    private final TokenVerifier verifier;

    private final String challenge;

    /**
     * Guard an application.
     * @param application the application to let requests in to
     * @param realm the protection space named in the challenge, printable ASCII without {@code "} or {@code \}
     * @param verifier decides whom a token stands for
     * @throws IllegalArgumentException if the realm breaks its rule, quoting it
     */
    public BearerAuthentication(Application application, String realm, TokenVerifier verifier) {
        this.application = Objects.requireNonNull(application, "application must not be null");
        this.verifier = Objects.requireNonNull(verifier, "verifier must not be null");
        this.challenge = "Bearer realm=\"" + Challenge.checkRealm(realm) + "\"";
    }

    @Override
    public Application next() {
        return application;
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String token = Challenge.credentials(environ, "Bearer");
        if (token == null) {
            return Challenge.refuse(environ, startResponse, challenge);
        }
        // RFC 6750 §2.1's b64token: what else a client sends is no token, and never reaches the verifier.
        Optional<String> user = token.matches("[A-Za-z0-9._~+/-]+=*") ? verifier.verify(token) : Optional.empty();
        if (user == null || user.isEmpty()) {
            return Challenge.refuse(environ, startResponse, challenge + ", error=\"invalid_token\"");
        }
        Challenge.admit(environ, user.get(), "Bearer");
        return application.call(environ, startResponse);
    }

    @Override
    public String toString() {
        return "BearerAuthentication[" + challenge + "]";
    }
}
