package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Check that mounted applications live beside the controllers and the Spring Security of a user's application.
 * Each stack's test application declares the same controller and the same security rules in its own framework, so
 * each stack runs these tests through a subclass carrying its own Spring Boot test annotation.
 */
public abstract class CoexistenceContractTests extends ServerTests {

    @Test
    void letsAControllerAnswerItsOwnPathBelowTheRootMount() throws Exception {
        assertThat(okBodyOf("/api/hello")).isEqualTo("controller");
        assertThat(okBodyOf("/api/other")).isEqualTo("root app at /api/other");
    }

    @Test
    void passesACorsPreflightToTheApplication() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("OPTIONS /api/other HTTP/1.1\r\nHost: localhost\r\nOrigin: https://elsewhere.test\r\n"
                    + "Access-Control-Request-Method: PUT\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(http.readBody(head)).asString().isEqualTo("root app at /api/other");
        }
    }

    @Test
    void putsMountedApplicationsBehindSpringSecurityWhichNamesTheUserAndScheme() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /secure/page HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(401);
        }
        String credentials = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.US_ASCII));
        assertThat(okBodyOf("/secure/page", "Authorization: Basic " + credentials))
            .isEqualTo("user alice by Basic with credentials");
    }

    @Test
    void letsTheGatewaysBearerMiddlewareGuardAMountSpringSecurityLeavesOpen() throws Exception {
        RawHttp.Response anonymous = get("/bearer/data");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.head().header("www-authenticate")).isEqualTo("Bearer realm=\"api\"");
        RawHttp.Response forged = get("/bearer/data", "Authorization: Bearer t0ken.for-robut");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.head().header("www-authenticate"))
            .isEqualTo("Bearer realm=\"api\", error=\"invalid_token\"");
        assertThat(okBodyOf("/bearer/data", "Authorization: Bearer t0ken.for-robot")).isEqualTo("user robot by Bearer");
    }
}
