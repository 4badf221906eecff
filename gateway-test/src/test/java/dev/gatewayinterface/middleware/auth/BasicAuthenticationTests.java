package dev.gatewayinterface.middleware.auth;

import static dev.gatewayinterface.middleware.Apps.answering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Level;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.middleware.ErrorsLog;
import dev.gatewayinterface.middleware.errors.ErrorCatcher;
import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check that {@link BasicAuthentication} lets in the right user and password only, tells the application who came
 * in, and keeps the password from the application and the logs.
 */
class BasicAuthenticationTests {

    private static final String PASSWORD = "s3cr3t-päss";

    private final BasicAuthentication guarded = new BasicAuthentication(answering(environ ->
            environ.get(Environ.REMOTE_USER) + " " + environ.get(Environ.AUTH_TYPE) + " "
                    + environ.containsKey("HTTP_AUTHORIZATION")),
            "shop", CredentialCheck.of(Map.of("adä", PASSWORD, "bob", "builder")));

    private final TestClient client = TestClient.of(guarded);

    @Test
    void letsTheRightPasswordInAsTheUserWithoutTheCredentials() {
        TestResponse response = client.request("GET", "/").header("Authorization", basic("adä:" + PASSWORD)).send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).as("REMOTE_USER is a native string").isEqualTo("adÃ¤ Basic false");
    }

    @Test
    void acceptsTheSchemeInAnyCase() {
        assertThat(client.request("GET", "/").header("Authorization", basic("bob:builder").replace("Basic", "bASIC"))
            .send().status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic", "Basic ", "Bearer Ym9iOmJ1aWxkZXI=", "Basic not-base64!", "Basic Ym9i",
        "Basic Ym9iOmJ1aWxkZXJz", "Basic Ym9iOg==", "Basic OmJ1aWxkZXI=", "Basic /w==", "BasicYm9iOmJ1aWxkZXI="})
    void answersAnythingElseWith401AndTheChallenge(String authorization) {
        TestClient.RequestBuilder request = client.request("GET", "/");
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        TestResponse response = request.send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"shop\", charset=\"UTF-8\"");
        assertThat(response.text()).isEqualTo("401 Unauthorized\n");
    }

    @Test
    void logsNoCredentialsWhenTheApplicationFailsOrTheCheckRefuses() {
        try (ErrorsLog everything = new ErrorsLog("ROOT", Level.TRACE)) {
            TestClient failing = TestClient.of(new ErrorCatcher(new BasicAuthentication(new ContractValidator((environ, start) -> {
                throw new IllegalStateException("failed with environ " + environ);
            }), "shop", CredentialCheck.of(Map.of("bob", PASSWORD)))));
            assertThat(failing.request("GET", "/").header("Authorization", basic("bob:" + PASSWORD)).send().status())
                .isEqualTo(500);
            assertThat(failing.request("GET", "/").header("Authorization", basic("bob:wrong-" + PASSWORD)).send().status())
                .isEqualTo(401);
            assertThat(everything.everything()).contains("failed with environ").doesNotContain(PASSWORD)
                .doesNotContain(basic("bob:" + PASSWORD).substring(6));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sh\"op", "sh\\op", "caf\u00e9", "line\nbreak"})
    void refusesARealmThatCannotBeQuotedQuotingIt(String realm) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new BasicAuthentication(answering(environ -> ""), realm, (user, password) -> true))
            .withMessageContaining("not \"" + realm + "\"");
        assertThat(guarded.next()).isNotNull();
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
