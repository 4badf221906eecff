package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.test.conformance.RequestCase;
import dev.gatewayinterface.test.conformance.RequestCases;
import dev.gatewayinterface.test.conformance.RequestConformance;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Run gateway-test's raw-socket conformance cases against a real server in front of the echo application: each
 * stack must give every case the same kind of answer, and answer a refused request once, then close (docs/SPEC.md
 * §14). Each stack runs these through a subclass carrying its own Spring Boot test annotation.
 */
public abstract class RequestConformanceContractTests extends ServerTests {

    static List<RequestCase> cases() {
        return RequestCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersTheCaseAsTheRfcsSay(RequestCase testCase) throws Exception {
        RequestConformance.Outcome outcome = new RequestConformance("localhost", port, "/echo").send(testCase);
        assertThat(outcome.status()).as("status of %s (%s)", testCase, outcome.statusLine())
            .isIn(testCase.statuses());
        if (testCase.answers() > 0) {
            assertThat(outcome.answers()).as("answers on the connection, the request behind the case's included")
                .isEqualTo(testCase.answers());
        }
    }
}
