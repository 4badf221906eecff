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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Run gateway-test's raw-socket conformance cases against a real server in front of the conformance application:
 * each stack must give every case the answer docs/SPEC.md §14 gives it, keep every invariant (one answer per
 * request, a clean environ, the body echoed exactly, no server error), and answer a refused request once, then
 * close. Each stack runs these through a subclass carrying its own Spring Boot test annotation, and leaves what it
 * answered in target/conformance/, for the two stacks' answers to be compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RequestConformanceContractTests extends ServerTests {

    private final Map<Integer, String> answered = new ConcurrentSkipListMap<>();

    static List<RequestCase> cases() {
        return RequestCases.all();
    }

    /**
     * Name the stack, for the file of answers.
     * @return the stack's name
     */
    protected abstract String stack();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersTheCaseAsTheRfcsSay(RequestCase testCase) throws Exception {
        RequestConformance.Outcome outcome = new RequestConformance("localhost", port, "/conformance").send(testCase);
        answered.put(cases().indexOf(testCase), testCase.kind() + "\t" + testCase.name() + "\t" + outcome.status()
                + "\t" + outcome.answers().size() + "\t" + (outcome.passed() ? "pass" : "FAIL") + "\t"
                + outcome.summary());
        assertThat(outcome.violations()).as("%s: %s", testCase, outcome.summary()).isEmpty();
    }

    @AfterAll
    void recordTheAnswers() throws IOException {
        Path file = Path.of("target", "conformance", stack() + ".tsv");
        Files.createDirectories(file.getParent());
        Files.write(file, answered.values());
    }
}
