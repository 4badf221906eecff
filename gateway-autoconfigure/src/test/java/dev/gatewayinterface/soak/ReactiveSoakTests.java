package dev.gatewayinterface.soak;

import org.springframework.test.context.TestPropertySource;

/**
 * Soak WebFlux on Reactor Netty, where request bodies are Netty's own buffers.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class ReactiveSoakTests extends SoakContractTests {
}
