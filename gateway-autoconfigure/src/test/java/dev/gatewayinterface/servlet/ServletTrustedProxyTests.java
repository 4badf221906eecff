package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.TrustedProxyContractTests;
import org.springframework.test.context.TestPropertySource;

/**
 * Check what a mount on Tomcat sees from a trusted proxy, with server.forward-headers-strategy=none: nothing
 * rewrites the request before the mount.
 */
@ServletGatewayTest
@TestPropertySource(properties = TrustedProxyContractTests.TRUSTED_LOOPBACK)
class ServletTrustedProxyTests extends TrustedProxyContractTests {
}
