package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.ResponseContractTests;

/**
 * Check over real HTTP how Tomcat sends what applications produce. Tomcat sends no reason phrase, whatever the
 * application gave: the Servlet API has no way to pass one, so only the Reactor Netty tests check it.
 */
@ServletGatewayTest
class ServletResponseTests extends ResponseContractTests {
}
