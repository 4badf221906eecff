package dev.gatewayinterface.quickstart;

import dev.gatewayinterface.testsupport.WithoutSecurity;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Run the README's quick start on Reactor Netty, as the README's reactive variant does.
 */
@TestPropertySource(properties = WithoutSecurity.EXCLUDED)
@SpringBootTest(classes = QuickStartApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "gateway.validate=true", "spring.main.web-application-type=reactive" })
class ReactiveQuickStartApplicationTests extends QuickStartApplicationTests {
}
