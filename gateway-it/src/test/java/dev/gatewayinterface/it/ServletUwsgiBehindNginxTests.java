package dev.gatewayinterface.it;

import org.springframework.boot.WebApplicationType;

/**
 * Check the uwsgi listener behind nginx's uwsgi_pass on Spring MVC and Tomcat.
 */
class ServletUwsgiBehindNginxTests extends UwsgiBehindNginxContractTests {

    ServletUwsgiBehindNginxTests() {
        super(WebApplicationType.SERVLET);
    }
}
