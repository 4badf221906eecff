package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.TrustedProxyContractTests;
import org.springframework.test.context.TestPropertySource;

/**
 * Check what a mount on Reactor Netty sees from a trusted proxy, with server.forward-headers-strategy=none: nothing
 * rewrites the request before the mount.
 */
@ReactiveGatewayTest
@TestPropertySource(properties = TrustedProxyContractTests.TRUSTED_LOOPBACK)
class ReactiveTrustedProxyTests extends TrustedProxyContractTests {
}
