package dev.gatewayinterface.soak;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Serve the soak's applications with actuator's meters; the tests leave Spring Security out, its checks are not
 * under test.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SoakApplications.class)
class SoakTestApplication {
}
