package dev.gatewayinterface.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.testsupport.RawHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Check over real HTTP that, with {@code gateway.validate=true}, a contract violation fails the request and
 * is counted by rule.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "gateway.validate=true")
class ServletValidationMetricsTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Test
    void countsAViolationByApplicationAndRule() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(500);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> registry.find("gateway.contract.violations")
            .tags("app", "careless", "rule", "header-hop-by-hop").counter() != null);
        assertThat(registry.get("gateway.contract.violations").tags("app", "careless", "rule", "header-hop-by-hop")
            .counter().count()).isEqualTo(1);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class CarelessApplication {

        @Bean
        Application careless() {
            return (environ, start) -> {
                start.start("200 OK", List.of(new Header("Content-Type", "text/plain"), new Header("Connection", "close")));
                return List.of("never sent".getBytes());
            };
        }

        @Bean
        SecurityFilterChain openChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }
}
