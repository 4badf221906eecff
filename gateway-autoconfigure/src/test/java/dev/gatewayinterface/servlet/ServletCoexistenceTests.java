package dev.gatewayinterface.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check that mounted applications live beside controllers and Spring Security in one DispatcherServlet.
 */
@ServletGatewayTest
class ServletCoexistenceTests {

    @LocalServerPort
    int port;

    @Test
    void letsAControllerAnswerItsOwnPathBelowTheRootMount() throws Exception {
        assertThat(get("/api/hello", "")).isEqualTo("controller");
        assertThat(get("/api/other", "")).isEqualTo("root app at /api/other");
    }

    @Test
    void putsMountedApplicationsBehindSpringSecurity() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /secure/page HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(401);
        }
        String credentials = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.US_ASCII));
        assertThat(get("/secure/page", "Authorization: Basic " + credentials + "\r\n")).isEqualTo("user alice");
    }

    private String get(String target, String extraHeaders) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            return new String(http.readBody(head), StandardCharsets.ISO_8859_1);
        }
    }
}
