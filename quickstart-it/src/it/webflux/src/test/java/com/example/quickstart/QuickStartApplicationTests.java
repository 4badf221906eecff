package com.example.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Answer GET and HEAD on Reactor Netty with the contract validator on, as README.md promises.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "gateway.validate=true")
@ExtendWith(OutputCaptureExtension.class)
class QuickStartApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void answersGetAndHeadUnderTheValidator(CapturedOutput output) {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        client.get().uri("/").exchange()
            .expectStatus().isOk()
            .expectHeader().contentLength(14)
            .expectBody(String.class).isEqualTo("Hello, World!\n");
        client.head().uri("/").exchange()
            .expectStatus().isOk()
            .expectHeader().contentLength(14)
            .expectHeader().valueEquals("Content-Type", "text/plain")
            .expectBody().isEmpty();
        assertThat(output).contains("Mounted 'hello' at / on Netty (WebFlux)").contains("validator on");
    }
}
