package dev.gatewayinterface.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestResponse;
import org.junit.jupiter.api.Test;

/**
 * Check that the demo's echo, which users copy, reflects no credentials and takes no unbounded body.
 */
class EchoApplicationTests {

    private final TestClient client = TestClient.of(new EchoApplication());

    @Test
    void redactsAuthorizationAndCookies() {
        TestResponse response = client.request("GET", "/")
            .header("Authorization", "Bearer secret-token")
            .header("Cookie", "session=http-only-secret")
            .header("X-Probe", "shown")
            .send();
        assertThat(response.text()).contains("\"HTTP_AUTHORIZATION\": \"[redacted]\"")
            .contains("\"HTTP_COOKIE\": \"[redacted]\"").contains("\"HTTP_X_PROBE\": \"shown\"")
            .doesNotContain("secret-token", "http-only-secret");
    }

    @Test
    void echoesABodyUpToItsLimit() {
        TestResponse response = client.post("/", "application/octet-stream", new byte[EchoApplication.MAX_BODY]);
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void answers413ToALargerBody() {
        TestResponse response = client.post("/", "application/octet-stream", new byte[EchoApplication.MAX_BODY + 1]);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.text()).contains("at most 65536 bytes");
    }
}
