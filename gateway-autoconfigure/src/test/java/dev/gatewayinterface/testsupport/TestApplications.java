package dev.gatewayinterface.testsupport;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.middleware.auth.BearerAuthentication;
import dev.gatewayinterface.test.tck.TckDispatcher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Declare the applications the HTTP tests of every stack serve, each at the mount test-applications.properties
 * gives it, with the probes that record what they saw.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:dev/gatewayinterface/testsupport/test-applications.properties")
@Import(SpringErrorsApplications.class)
public class TestApplications {

    @Bean
    Probes probes() {
        return new Probes();
    }

    /** Serve whichever application the current conformance scenario needs, at /tck. */
    @Bean
    TckDispatcher tck() {
        return new TckDispatcher();
    }

    @Bean
    Application root() {
        return (environ, startResponse) -> text(startResponse, "root app at " + environ.get(Environ.PATH_INFO));
    }

    @Bean
    Application environProbe(Probes probes) {
        return (environ, startResponse) -> {
            probes.environ.set(new HashMap<>(environ));
            probes.thread.set(Thread.currentThread());
            return text(startResponse, "ok");
        };
    }

    @Bean
    ObservationParents observationParents() {
        return new ObservationParents();
    }

    /** Answer with the name of the observation current while the application runs, as a tracer would find it. */
    @Bean
    Application observed(ObjectProvider<ObservationRegistry> registry) {
        return (environ, startResponse) -> {
            Observation current = registry.getObject().getCurrentObservation();
            return text(startResponse, current == null ? "none" : current.getContextView().getName());
        };
    }

    @Bean
    Application echo() {
        return TestApplications::echoBody;
    }

    /** Echo the body behind a CSRF check that reads a form field, the way an HTML form post is checked. */
    @Bean
    Application csrfEcho() {
        return TestApplications::echoBody;
    }

    private static Iterable<byte[]> echoBody(Map<String, Object> environ, StartResponse startResponse)
            throws java.io.IOException {
        byte[] body = ((Input) environ.get(Environ.WSGI_INPUT)).read();
        startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream"),
                new Header("X-Environ-Content-Length", String.valueOf(environ.get(Environ.CONTENT_LENGTH)))));
        return List.of(body);
    }

    @Bean
    Application fixed() {
        return (environ, startResponse) -> text(startResponse, "hello\n");
    }

    @Bean
    Application stream(Probes probes) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return probes.body(2, index -> {
                if (index == 1) {
                    probes.awaitGate();
                }
                return ("chunk " + index + "\n").getBytes(StandardCharsets.US_ASCII);
            });
        };
    }

    @Bean
    Application endless(Probes probes) {
        byte[] block = new byte[64 * 1024];
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            return probes.body(-1, index -> block);
        };
    }

    @Bean
    Application shortBody(Probes probes) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain"),
                    new Header("Content-Length", "100")));
            return probes.body(1, index -> "only ten\r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    @Bean
    Application failing() {
        return (environ, startResponse) -> {
            throw new IllegalStateException("secret detail that must not reach the client");
        };
    }

    @Bean
    Application failingLate(Probes probes) {
        return (environ, startResponse) -> {
            // JSON, so that an error page the container might append to the body could be written.
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/json")));
            return probes.body(2, index -> {
                if (index == 1) {
                    throw new IllegalStateException("failed after the first chunk");
                }
                return "first chunk\n".getBytes(StandardCharsets.US_ASCII);
            });
        };
    }

    @Bean
    Application badHeader() {
        return (environ, startResponse) -> {
            Header header = switch ((String) environ.get(Environ.QUERY_STRING)) {
                case "hop" -> new Header("Transfer-Encoding", "chunked");
                case "crlf" -> new Header("X-Injected", "a\r\nSet-Cookie: evil=1");
                default -> new Header("X-Fine", "fine");
            };
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain"), header));
            return List.of("unreachable".getBytes(StandardCharsets.US_ASCII));
        };
    }

    /**
     * Send a real file through wsgi.file_wrapper inside the contract validator (gateway.apps.file.validate), from a
     * stream that counts reads through it: a body sent from the file's channel leaves the count at zero.
     */
    @Bean
    Application file(Probes probes) throws java.io.IOException {
        java.nio.file.Path sent = java.nio.file.Files.createTempFile("gateway-file-test", ".txt");
        java.nio.file.Files.writeString(sent, "0123456789".repeat(10_000));
        sent.toFile().deleteOnExit();
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return ((dev.gatewayinterface.FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER))
                .wrap(new CountingFileStream(sent.toFile(), probes));
        };
    }

    /** Count every read through the stream; a channel's transferTo bypasses them all. */
    private static final class CountingFileStream extends java.io.FileInputStream {

        private final Probes probes;

        CountingFileStream(java.io.File file, Probes probes) throws java.io.FileNotFoundException {
            super(file);
            this.probes = probes;
        }

        @Override
        public int read() throws java.io.IOException {
            probes.fileStreamReads.incrementAndGet();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            probes.fileStreamReads.incrementAndGet();
            return super.read(buffer, offset, length);
        }
    }

    /** Write the request body to wsgi.errors, so that a client's CR and NUL reach the log if anything lets them. */
    @Bean
    Application logging() {
        return (environ, startResponse) -> {
            String said = new String(((Input) environ.get(Environ.WSGI_INPUT)).read(), StandardCharsets.ISO_8859_1);
            ((Errors) environ.get(Environ.WSGI_ERRORS)).write("client said " + said + "\n");
            return text(startResponse, "logged");
        };
    }

    /** Give the interim status the query names as the final one, which the server must refuse. */
    @Bean
    Application interim() {
        return (environ, startResponse) -> {
            startResponse.start(environ.get(Environ.QUERY_STRING) + " Interim",
                    List.of(new Header("Content-Type", "text/plain")));
            return List.of("switched".getBytes(StandardCharsets.US_ASCII));
        };
    }

    /** Answer with the headers a Flask page sends, spelled as Flask spells them, which servers must not re-spell. */
    @Bean
    Application spelled() {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/html; charset=utf-8"),
                    new Header("Content-Language", "en-GB, de"), new Header("Cache-Control", "max-age=60, public"),
                    new Header("X-Spaced", "a ;  b")));
            return List.of("<p>ok</p>".getBytes(StandardCharsets.US_ASCII));
        };
    }

    /** Say who the user is; Spring Security's rules let only authenticated requests reach its mount. */
    @Bean
    Application secure() {
        return TestApplications::whoAmI;
    }

    /**
     * Say who the user is behind the gateway's own bearer-token check, at a mount Spring Security leaves open, as an
     * API for machines checks its tokens without Spring Security.
     */
    @Bean
    Application bearer() {
        byte[] known = "t0ken.for-robot".getBytes(StandardCharsets.US_ASCII);
        return new BearerAuthentication(TestApplications::whoAmI, "api", token -> MessageDigest.isEqual(known,
                token.getBytes(StandardCharsets.US_ASCII)) ? Optional.of("robot") : Optional.empty());
    }

    private static Iterable<byte[]> whoAmI(Map<String, Object> environ, StartResponse startResponse) {
        return text(startResponse, "user " + environ.get(Environ.REMOTE_USER) + " by " + environ.get(Environ.AUTH_TYPE)
                + (environ.containsKey("HTTP_AUTHORIZATION") ? " with credentials" : ""));
    }

    /**
     * Answer a path below the root mount, as a user's controller beside the mounted applications does; registered as
     * a member class of this configuration. A form is read differently on each stack, so each test application
     * declares its own controller for {@code /api/form}.
     */
    @RestController
    static class HelloController {

        @GetMapping("/api/hello")
        String hello() {
            return "controller";
        }
    }

    private static Iterable<byte[]> text(StartResponse startResponse, String text) {
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        return List.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

}
