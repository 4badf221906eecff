package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.CoexistenceContractTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

/**
 * Check that mounted applications live beside controllers, router functions and Spring Security in one WebFlux
 * DispatcherHandler, on Reactor Netty. Only this test application declares a router function, and only this stack
 * has Tomcat beside it on the class path to be wrongly chosen.
 */
@ReactiveGatewayTest
class ReactiveCoexistenceTests extends CoexistenceContractTests {

    @Autowired
    ReactiveWebServerApplicationContext context;

    @Test
    void servesOnReactorNettyThoughTomcatIsOnTheClassPathToo() {
        assertThat(context.getWebServer()).isInstanceOf(NettyWebServer.class);
    }

    @Test
    void letsARouterFunctionAnswerItsOwnPathBelowTheRootMount() throws Exception {
        assertThat(okBodyOf("/api/routed")).isEqualTo("router function");
    }
}
