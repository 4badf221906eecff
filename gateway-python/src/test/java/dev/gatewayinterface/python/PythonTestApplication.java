package dev.gatewayinterface.python;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serve the Python applications of {@code python-test-apps.properties} beside one Java endpoint, as a user's Spring
 * Boot application would.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PythonTestApplication.JavaController.class)
class PythonTestApplication {

    /** Answer from Java, to show the Java side keeps serving whatever Python does. */
    @RestController
    static class JavaController {

        @GetMapping("/java/hello")
        String hello() {
            return "Hello from Java";
        }
    }
}
