package dev.gatewayinterface.servlet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Run a test class against {@link ServletTestApplication} on a real Tomcat at a random port. Every class
 * with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ServletTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "gateway.apps.environProbe.path=/env", "gateway.apps.echo.path=/echo", "gateway.apps.csrfEcho.path=/csrf-echo",
        "gateway.apps.fixed.path=/fixed", "gateway.apps.stream.path=/stream", "gateway.apps.endless.path=/endless",
        "gateway.apps.shortBody.path=/short", "gateway.apps.failing.path=/fail",
        "gateway.apps.failingLate.path=/fail-late", "gateway.apps.badHeader.path=/bad-header",
        "gateway.apps.secure.path=/secure", "gateway.apps.tck.path=/tck", "gateway.environ.DEPLOYED_BY=tests",
        "management.endpoints.web.exposure.include=gateway,prometheus,health",
        "management.defaults.metrics.export.enabled=true", "management.prometheus.metrics.export.enabled=true" })
@ExtendWith(OutputCaptureExtension.class)
@interface ServletGatewayTest {
}
