package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.TrustedProxyContractTests;
import org.springframework.test.context.TestPropertySource;

/**
 * Check what a mount on Reactor Netty sees from a trusted proxy, with server.forward-headers-strategy=framework:
 * Spring's forwarded-header handling rewrote the request first.
 */
@ReactiveGatewayTest
@TestPropertySource(properties = { TrustedProxyContractTests.TRUSTED_LOOPBACK,
        "server.forward-headers-strategy=framework" })
class ReactiveTrustedProxyBehindFrameworkStrategyTests extends TrustedProxyContractTests {
}
