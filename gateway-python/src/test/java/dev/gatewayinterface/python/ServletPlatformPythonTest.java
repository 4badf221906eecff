package dev.gatewayinterface.python;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

/**
 * Run a test class against the standard-library Python applications served by Spring MVC on a real Tomcat, on its
 * platform request threads, as {@link ServletPythonTest} does on virtual threads. Flask and Django are left out:
 * their imports take long, and nothing of theirs depends on the kind of request thread. Every class with this
 * annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PythonTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "spring.threads.virtual.enabled=false" })
@TestPropertySource("python-test-apps.properties")
@interface ServletPlatformPythonTest {
}
