package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

/**
 * Check that mounted applications live beside controllers, router functions and Spring Security in one WebFlux
 * DispatcherHandler, on Reactor Netty.
 */
@ReactiveGatewayTest
class ReactiveCoexistenceTests {

    @LocalServerPort
    int port;

    @Autowired
    ReactiveWebServerApplicationContext context;

    @Test
    void servesOnReactorNettyThoughTomcatIsOnTheClassPathToo() {
        assertThat(context.getWebServer()).isInstanceOf(NettyWebServer.class);
    }

    @Test
    void letsAControllerAnswerItsOwnPathBelowTheRootMount() throws Exception {
        assertThat(get("/api/hello", "")).isEqualTo("controller");
        assertThat(get("/api/other", "")).isEqualTo("root app at /api/other");
    }

    @Test
    void letsARouterFunctionAnswerItsOwnPathBelowTheRootMount() throws Exception {
        assertThat(get("/api/routed", "")).isEqualTo("router function");
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
