package dev.gatewayinterface.testsupport;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Declare applications whose failures go to Spring Boot's error handling ({@code gateway.apps.<name>.errors=spring}
 * in test-applications.properties), beside a user's {@code @RestControllerAdvice} that would answer their exception
 * if it ever saw it, and a controller whose failure it does answer.
 */
@Configuration(proxyBeanMethods = false)
public class SpringErrorsApplications {

    /** The message of every failure here, which Spring Boot's error body must not show by default. */
    public static final String SECRET = "secret detail that must not reach the client";

    @Bean
    AdviceCalls adviceCalls() {
        return new AdviceCalls();
    }

    /** Fail with the advice's exception, or with ?status one that carries a status of its own. */
    @Bean
    Application failingToSpring() {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("X-Would-Have", "been sent")));
            if ("status".equals(environ.get(Environ.QUERY_STRING))) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, SECRET);
            }
            throw new AdvisedException(SECRET);
        };
    }

    @Bean
    Application failingLateToSpring() {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/json")));
            return () -> List.of("first chunk\n", "boom").stream().map(chunk -> {
                if (chunk.equals("boom")) {
                    throw new AdvisedException(SECRET);
                }
                return chunk.getBytes(StandardCharsets.US_ASCII);
            }).iterator();
        };
    }

    /** Fail as a user's controller does; registered as a member class of this configuration. */
    @RestController
    static class FailingController {

        @GetMapping("/api/advised")
        String fail() {
            throw new AdvisedException(SECRET);
        }
    }

    /** Answer every AdvisedException that reaches Spring MVC's or WebFlux's exception resolution, and count it. */
    @RestControllerAdvice
    static class UsersAdvice {

        private final AdviceCalls calls;

        UsersAdvice(AdviceCalls calls) {
            this.calls = calls;
        }

        @ExceptionHandler(AdvisedException.class)
        ResponseEntity<String> handle(AdvisedException failure) {
            calls.count.incrementAndGet();
            return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("answered by the advice");
        }
    }

    /** Count the advice's answers. */
    public static final class AdviceCalls {

        public final AtomicInteger count = new AtomicInteger();
    }

    /** The exception the user's advice answers, whoever throws it. */
    public static final class AdvisedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        AdvisedException(String message) {
            super(message);
        }
    }
}
