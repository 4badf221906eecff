package dev.gatewayinterface.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

/**
 * Check every demo application over real HTTP on Reactor Netty, started with the argument the README gives:
 * the same checks as on Tomcat, inherited.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, args = "--spring.main.web-application-type=reactive")
class ReactiveDemoApplicationTests extends DemoApplicationTests {

    @Autowired
    ReactiveWebServerApplicationContext context;

    @Test
    void servesOnReactorNetty() {
        assertThat(context.getWebServer()).isInstanceOf(NettyWebServer.class);
    }
}
