package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.RequestConformanceContractTests;

/**
 * Run the raw-socket conformance cases on Tomcat.
 */
@ServletGatewayTest
class ServletRequestConformanceTests extends RequestConformanceContractTests {
}
