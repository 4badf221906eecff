package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.test.conformance.RequestCase;
import dev.gatewayinterface.test.conformance.RequestCases;
import dev.gatewayinterface.test.conformance.RequestConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Run gateway-test's raw-socket conformance cases against a real server in front of the conformance application,
 * as docs/TESTING.md shows: each stack must give every case the answer docs/SPEC.md §14 gives it, keep every
 * invariant (one answer per request, a clean environ, the body echoed exactly, no server error), and answer a
 * refused request once, then close. Each stack runs these through a subclass carrying its own Spring Boot test
 * annotation, and leaves what it answered in target/conformance/, for the two stacks' answers to be compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RequestConformanceContractTests extends ServerTests {

    private final Map<Integer, String> answered = new ConcurrentSkipListMap<>();

    private RecordingConformance conformance;

    /**
     * Name the stack, for the file of answers.
     * @return the stack's name
     */
    protected abstract String stack();

    @BeforeEach
    void targetTheServer() {
        conformance = new RecordingConformance(new RequestConformance("localhost", port, "/conformance"));
    }

    static List<RequestCase> cases() {
        return RequestCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersTheCaseAsTheRfcsSay(RequestCase testCase) throws Exception {
        RequestConformance.Outcome outcome = conformance.send(testCase);
        assertThat(outcome.violations()).as("%s: %s", testCase, outcome.summary()).isEmpty();
    }

    @Test
    void readsABareLfAsTheEndOfAHeadLineAsTheOtherStackDoes() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /conformance HTTP/1.1\nHost: localhost\nConnection: close\n\n");
            assertThat(http.readHead().status()).isEqualTo(200);
        }
    }

    @Test
    void keepsTheConnectionOfAnHttp10ClientThatAsksForItAsTheOtherStackDoes() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            for (int i = 0; i < 2; i++) {
                http.send("GET /conformance HTTP/1.0\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n");
                RawHttp.Head head = http.readHead();
                assertThat(head.status()).isEqualTo(200);
                assertThat(head.header("connection")).isEqualToIgnoringCase("keep-alive");
                http.readBody(head);
            }
        }
    }

    @Test
    void readsContentLengthBesideChunkedAsChunkedAndClosesAsTheOtherStackDoes() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /conformance HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            http.readBody(head);
            assertThat(http.serverClosed()).isTrue();
        }
    }

    @AfterAll
    void recordTheAnswers() throws IOException {
        Path file = Path.of("target", "conformance", stack() + ".tsv");
        Files.createDirectories(file.getParent());
        Files.write(file, answered.values());
    }

    /** Send cases as the suite does, and note each answer, in the suite's order, for the file of answers. */
    private final class RecordingConformance {

        private final RequestConformance server;

        RecordingConformance(RequestConformance server) {
            this.server = server;
        }

        RequestConformance.Outcome send(RequestCase testCase) throws IOException {
            RequestConformance.Outcome outcome = server.send(testCase);
            answered.put(cases().indexOf(testCase), String.join("\t", testCase.kind().toString(), testCase.name(),
                    Integer.toString(outcome.status()), Integer.toString(outcome.answers().size()),
                    outcome.passed() ? "pass" : "FAIL", outcome.summary()));
            return outcome;
        }
    }
}
