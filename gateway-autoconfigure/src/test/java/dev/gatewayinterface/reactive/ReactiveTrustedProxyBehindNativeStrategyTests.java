package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.TrustedProxyContractTests;
import org.springframework.test.context.TestPropertySource;

/**
 * Check what a mount on Reactor Netty sees from a trusted proxy, with server.forward-headers-strategy=native: the
 * server's own forwarded support rewrote the request first.
 */
@ReactiveGatewayTest
@TestPropertySource(properties = { TrustedProxyContractTests.TRUSTED_LOOPBACK,
        "server.forward-headers-strategy=native" })
class ReactiveTrustedProxyBehindNativeStrategyTests extends TrustedProxyContractTests {
}
