package dev.gatewayinterface.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Describe one way to break a {@link ContractRule}, as a row of a table-driven test: the situation, what
 * the message must quote, and the scenario that plays it on a {@link FakeServer}.
 *
 * @param rule the rule the scenario breaks
 * @param situation the situation, for the test's display name
 * @param quoted text the message must contain: the offending value, quoted as the validator quotes it
 * @param scenario what the server and application do
 */
record Trigger(ContractRule rule, String situation, String quoted, Scenario scenario) {

    /** Where a rule is one of the opt-in ones, its scenario plays on a strict validator (docs/SPEC.md §11.3). */

    /** Play a server and an application that break a rule. */
    @FunctionalInterface
    interface Scenario {

        void run(FakeServer server) throws Exception;
    }

    static Trigger of(ContractRule rule, String situation, String quoted, Scenario scenario) {
        return new Trigger(rule, situation, quoted, scenario);
    }

    /**
     * Play the scenario on a fresh server and check that exactly this rule was reported, with its section
     * and the quoted value, and thrown to whoever made the faulty call; a body never closed is only logged.
     */
    void assertReported() {
        FakeServer server = rule.strictOnly() ? new FakeServer().strict() : new FakeServer();
        Throwable thrown = catchThrowable(() -> scenario.run(server));
        assertThat(server.reported()).as("violations reported").hasSize(1);
        ContractViolationException violation = server.reported().get(0);
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.section()).isEqualTo(rule.section());
        assertThat(violation.getMessage()).startsWith("[gateway-validator] SPEC " + rule.section() + ": ")
            .contains(quoted);
        if (rule == ContractRule.BODY_NEVER_CLOSED) {
            assertThat(thrown).isNull();
        }
        else {
            assertThat(thrown).isSameAs(violation);
        }
    }

    @Override
    public String toString() {
        return rule + " " + situation;
    }
}
