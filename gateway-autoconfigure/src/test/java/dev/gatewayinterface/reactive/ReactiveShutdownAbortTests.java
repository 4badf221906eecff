package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.autoconfigure.GatewayShutdown;
import dev.gatewayinterface.testsupport.RawHttp;
import dev.gatewayinterface.testsupport.WithoutSecurity;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check that a shutdown's abort cuts the connection of a request Reactor Netty has not closed yet before it
 * interrupts the application: the 500 the interrupted application's failure turns into must never reach the client.
 * Reactor Netty closes the connections left after {@code spring.lifecycle.timeout-per-shutdown-phase} on a thread of
 * its own, racing the gateway's abort; here the server is still running, the order the race may take.
 */
@SpringBootTest(classes = ReactiveConformanceServer.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", WithoutSecurity.EXCLUDED })
class ReactiveShutdownAbortTests {

    @LocalServerPort
    int port;

    @Autowired
    GatewayShutdown shutdown;

    @AfterEach
    void resume() {
        shutdown.requests().resume();
    }

    @Test
    void cutsTheConnectionOfAnUploadInProgressInsteadOfAnsweringItsFailure() throws Exception {
        try (RawHttp client = new RawHttp(port)) {
            client.send("POST /conformance HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n0123456789");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> shutdown.requests().count() == 1);

            assertThat(shutdown.requests().abort()).hasSize(1);

            assertThat(client.serverClosed()).as("the connection closed before any byte of an answer").isTrue();
            assertThat(shutdown.requests().awaitNone(Duration.ofSeconds(20))).isTrue();
        }
    }
}
