package dev.gatewayinterface.python;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

/**
 * Run a test class against the Python applications served by WebFlux on a real Reactor Netty. Every class with
 * this annotation shares one application context, and so one set of context pools: Python starts once per stack.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PythonTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
@TestPropertySource({ "python-test-apps.properties", "python-framework-apps.properties" })
@interface ReactivePythonTest {
}
