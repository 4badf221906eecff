package dev.gatewayinterface.test.tck;

/**
 * Hold one conformance scenario: a rule of docs/SPEC.md, written once and run against every binding.
 *
 * @param section the docs/SPEC.md section it checks, such as {@code "§6.2"}
 * @param name what the binding must do, as a sentence
 * @param body the scenario itself
 */
public record Scenario(String section, String name, Body body) {

    /**
     * Return the name shown in test reports.
     * @return the section and the sentence
     */
    public String displayName() {
        return section + " " + name;
    }

    /**
     * Run a scenario against a binding.
     */
    @FunctionalInterface
    public interface Body {

        /**
         * Send requests through the context and assert on what came back.
         * @param tck the binding under test, with helpers
         * @throws Exception any failure fails the scenario
         */
        void run(TckContext tck) throws Exception;
    }
}
