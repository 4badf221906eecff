package dev.gatewayinterface.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.testsupport.RawHttp;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Check that a response aborted after its headers reaches the client truncated, whatever the context path,
 * the DispatcherServlet's mapping and the security chain, and that the failure is logged once.
 */
@SpringBootTest(classes = ServletAbortTests.AbortApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "server.servlet.context-path=/ctx", "spring.mvc.servlet.path=/api",
                "gateway.apps.failingLate.path=/fail-late" })
@ExtendWith(OutputCaptureExtension.class)
class ServletAbortTests {

    @LocalServerPort
    private int port;

    @Test
    void closesTheConnectionWithoutATerminatingChunkUnderAServletPathAndAuthentication(CapturedOutput output)
            throws Exception {
        String credentials = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.US_ASCII));
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /ctx/api/fail-late HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(http.readChunk()).asString().isEqualTo("first chunk\n");
            // A reset or an end of stream, never the terminating chunk nor an error page's text.
            assertThatThrownBy(http::readChunk).isInstanceOf(IOException.class)
                .isNotInstanceOf(SocketTimeoutException.class);
        }
        assertThat(output.getAll().split("failed after the response started", -1)).hasSize(2);
        assertThat(output.getAll()).doesNotContain("Servlet.service()").doesNotContain("could not be dispatched");
    }

    /** An application failing mid-body, behind a security chain that wants every request authenticated. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AbortApplication {

        @Bean
        Application failingLate() {
            return (environ, startResponse) -> {
                startResponse.start("200 OK", List.of(new Header("Content-Type", "application/json")));
                return () -> List.of("first chunk\n", "boom").stream().map(chunk -> {
                    if (chunk.equals("boom")) {
                        throw new IllegalStateException("failed after the first chunk");
                    }
                    return chunk.getBytes(StandardCharsets.US_ASCII);
                }).iterator();
            };
        }

        @Bean
        SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}secret").roles("USER").build());
        }
    }
}
