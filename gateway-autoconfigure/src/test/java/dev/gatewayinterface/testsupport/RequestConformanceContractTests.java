package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.test.conformance.RequestCase;
import dev.gatewayinterface.test.conformance.RequestCases;
import dev.gatewayinterface.test.conformance.RequestConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * The answer both stacks give each case the suite lets a server answer more ways than one: what docs/SPEC.md §14
     * chooses, so that a client gets the same answer whichever stack serves it.
     */
    private static final Map<String, Integer> BOTH_STACKS_ANSWER = Map.ofEntries(
            Map.entry("Content-Length and chunked", 200), Map.entry("chunked and Content-Length", 200),
            Map.entry("Content-Length and chunked on HTTP/1.0", 400),
            Map.entry("whitespace after a chunk size", 400), Map.entry("whitespace before a chunk size", 400),
            Map.entry("whitespace before a chunk extension", 400), Map.entry("a bare ';' after a chunk size", 400),
            Map.entry("a tab after a chunk size", 400), Map.entry("a CR alone in a chunk-size line", 400),
            Map.entry("nine hex digits of chunk size", 400), Map.entry("whitespace inside a chunk extension's name", 400),
            Map.entry("a backslash in a quoted chunk-extension value", 400),
            Map.entry("an absolute target with userinfo", 400),
            Map.entry("an absolute https target with userinfo and a port", 400), Map.entry("CONNECT", 501),
            Map.entry("two spaces after the method", 200), Map.entry("bare LF line endings", 200),
            Map.entry("a bare LF after a header line", 200), Map.entry("a bare LF ending the head", 200),
            Map.entry("obs-fold with a space", 200), Map.entry("obs-fold with a tab", 200),
            Map.entry("obs-fold behind an empty first line", 400),
            Map.entry("obs-fold of whitespace alone behind an empty first line", 400),
            Map.entry("obs-fold of Transfer-Encoding", 400));

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

    @AfterAll
    void recordTheAnswers() throws IOException {
        Path file = Path.of("target", "conformance", stack() + ".tsv");
        Files.createDirectories(file.getParent());
        Files.write(file, answered.values());
    }

    /**
     * Send cases as the suite does, and note each answer, in the suite's order, for the file of answers. Where the
     * suite lets a server answer a case two ways, an answer other than the one both stacks give is one more
     * violation.
     */
    private final class RecordingConformance {

        private final RequestConformance server;

        RecordingConformance(RequestConformance server) {
            this.server = server;
        }

        RequestConformance.Outcome send(RequestCase testCase) throws IOException {
            RequestConformance.Outcome outcome = server.send(testCase);
            Integer bothStacks = testCase.statuses().size() == 1 ? testCase.statuses().iterator().next()
                    : BOTH_STACKS_ANSWER.get(testCase.name());
            if (bothStacks == null || bothStacks != outcome.status()) {
                List<String> violations = new ArrayList<>(outcome.violations());
                violations.add(bothStacks == null ? "docs/SPEC.md §14.5 chooses no answer for this case"
                        : "answered " + outcome.status() + "; both stacks answer " + bothStacks
                                + " (docs/SPEC.md §14.5)");
                outcome = new RequestConformance.Outcome(outcome.status(), outcome.answers(), violations);
            }
            answered.put(cases().indexOf(testCase), String.join("\t", testCase.kind().toString(), testCase.name(),
                    Integer.toString(outcome.status()), Integer.toString(outcome.answers().size()),
                    outcome.passed() ? "pass" : "FAIL", outcome.summary()));
            return outcome;
        }
    }
}
