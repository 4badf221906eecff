package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.TrustedProxyContractTests;
import org.springframework.test.context.TestPropertySource;

/**
 * Check what a mount on Tomcat sees from a trusted proxy, with server.forward-headers-strategy=native: the server's
 * own forwarded support rewrote the request first.
 */
@ServletGatewayTest
@TestPropertySource(properties = { TrustedProxyContractTests.TRUSTED_LOOPBACK,
        "server.forward-headers-strategy=native" })
class ServletTrustedProxyBehindNativeStrategyTests extends TrustedProxyContractTests {
}
