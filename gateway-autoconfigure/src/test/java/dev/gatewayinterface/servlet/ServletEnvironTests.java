package dev.gatewayinterface.servlet;

import dev.gatewayinterface.testsupport.EnvironContractTests;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Check the environ an application sees when Tomcat serves it, request bytes sent by hand.
 */
@ServletGatewayTest
class ServletEnvironTests extends EnvironContractTests {

    ServletEnvironTests() {
        super(ServletGatewayAdapter.SERVLET_REQUEST, HttpServletRequest.class);
    }
}
