package dev.gatewayinterface.it;

import org.springframework.boot.WebApplicationType;

/**
 * Check the gateway behind nginx on Spring MVC and Tomcat.
 */
class ServletBehindNginxTests extends BehindNginxContractTests {

    ServletBehindNginxTests() {
        super(WebApplicationType.SERVLET);
    }
}
