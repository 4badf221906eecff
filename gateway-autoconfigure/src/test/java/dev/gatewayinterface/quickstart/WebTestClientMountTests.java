package dev.gatewayinterface.quickstart;

import dev.gatewayinterface.testsupport.WithoutSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Test a mount on Reactor Netty through WebTestClient against the running server: the example of docs/TESTING.md.
 */
@TestPropertySource(properties = WithoutSecurity.EXCLUDED)
@SpringBootTest(classes = QuickStartApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", "gateway.validate=true" })
class WebTestClientMountTests {

    @LocalServerPort
    int port;

    @Test
    void servesTheMountedApplicationThroughWebTestClient() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        client.get().uri("/").exchange()
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo("Hello, World!\n");
    }
}
