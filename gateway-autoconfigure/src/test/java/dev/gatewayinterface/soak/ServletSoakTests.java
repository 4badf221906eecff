package dev.gatewayinterface.soak;

import org.springframework.test.context.TestPropertySource;

/**
 * Soak Spring MVC on Tomcat.
 */
@TestPropertySource(properties = "spring.main.web-application-type=servlet")
class ServletSoakTests extends SoakContractTests {
}
