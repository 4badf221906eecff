package dev.gatewayinterface.python;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Serve the Python applications of {@code python-test-apps.properties} and nothing else, as a user's Spring Boot
 * application would.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class PythonTestApplication {
}
