package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.WithoutSecurity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Check that the application's own WebSocket endpoints still work with the guard on: the guard replaces the HTTP
 * codec of each connection (docs/REACTIVE.md), which a WebSocket upgrade looks up and removes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", WithoutSecurity.EXCLUDED })
class ReactiveWebSocketGuardTests {

    @LocalServerPort
    int port;

    @Test
    void upgradesTheApplicationsOwnWebSocketEndpoint() {
        String echoed = HttpClient.create()
            .websocket()
            .uri("ws://localhost:" + port + "/echo")
            .handle((inbound, outbound) -> outbound.sendString(Mono.just("hello"))
                .then()
                .thenMany(inbound.receive().asString().take(1)))
            .blockFirst(Duration.ofSeconds(20));
        assertThat(echoed).isEqualTo("echo: hello");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class WebSocketApplication {

        @Bean
        HandlerMapping echoMapping() {
            WebSocketHandler echo = session -> session.send(session.receive()
                .map(message -> session.textMessage("echo: " + message.getPayloadAsText())));
            return new SimpleUrlHandlerMapping(Map.of("/echo", echo), -1);
        }
    }
}
