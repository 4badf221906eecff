package dev.gatewayinterface.middleware.auth;

import static dev.gatewayinterface.middleware.Apps.answering;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check that {@link BearerAuthentication} lets in what its verifier accepts and answers the rest as RFC 6750 says.
 */
class BearerAuthenticationTests {

    private final List<String> verified = new ArrayList<>();

    private final TestClient client = TestClient.of(new BearerAuthentication(answering(environ ->
            environ.get(Environ.REMOTE_USER) + " " + environ.get(Environ.AUTH_TYPE) + " "
                    + environ.containsKey("HTTP_AUTHORIZATION")),
            "api", token -> {
                verified.add(token);
                return token.equals("good.token-1") ? Optional.of("service-a") : Optional.empty();
            }));

    @Test
    void letsAVerifiedTokenInAsItsUserWithoutTheToken() {
        TestResponse response = client.request("GET", "/").header("Authorization", "Bearer good.token-1").send();
        assertThat(response.text()).isEqualTo("service-a Bearer false");
    }

    @Test
    void challengesARequestWithoutATokenPlainly() {
        TestResponse response = client.get("/");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer bad.token", "Bearer good token", "Bearer g\u00f6od", "Bearer =abc"})
    void answersARejectedOrMalformedTokenWithInvalidToken(String authorization) {
        TestResponse response = client.request("GET", "/").header("Authorization", authorization).send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\", error=\"invalid_token\"");
        assertThat(verified).allMatch(token -> token.matches("[A-Za-z0-9._~+/-]+=*"));
    }
}
