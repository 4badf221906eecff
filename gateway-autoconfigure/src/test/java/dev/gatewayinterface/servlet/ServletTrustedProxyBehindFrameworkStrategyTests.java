package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.TrustedProxyContractTests;
import org.springframework.test.context.TestPropertySource;

/**
 * Check what a mount on Tomcat sees from a trusted proxy, with server.forward-headers-strategy=framework: Spring's
 * forwarded-header handling rewrote the request first.
 */
@ServletGatewayTest
@TestPropertySource(properties = { TrustedProxyContractTests.TRUSTED_LOOPBACK,
        "server.forward-headers-strategy=framework" })
class ServletTrustedProxyBehindFrameworkStrategyTests extends TrustedProxyContractTests {
}
