package dev.gatewayinterface.test.conformance;

import java.util.List;
import java.util.Set;

/**
 * Check the answers to one case against what the case expects and against the rules every answer keeps
 * (docs/SPEC.md §14): the first answer's status; how many answers the connection carried, the one behind the case's
 * included, so that no byte of one request was answered as a request of its own; a 200 from the application echoing
 * the body exactly with a clean environ; and no server error for any request but 501 and 505.
 */
final class Invariants {

    /** The server errors a request may rightly get: a coding or a version the server does not implement. */
    private static final Set<Integer> SERVER_ERRORS_ALLOWED = Set.of(501, 505);

    private final RequestCase testCase;

    Invariants(RequestCase testCase) {
        this.testCase = testCase;
    }

    void check(List<RawResponse> answers, List<String> violations) {
        if (answers.isEmpty()) {
            violations.add("no answer came; expected " + testCase.statuses());
            return;
        }
        RawResponse first = answers.get(0);
        if (!testCase.statuses().contains(first.status())) {
            violations.add("answered \"" + first.statusLine() + "\"; expected " + testCase.statuses());
        }
        if (first.status() >= 500 && !SERVER_ERRORS_ALLOWED.contains(first.status())) {
            violations.add("answered with a server error, " + first.status() + ", which no request earns");
        }
        checkCount(answers, violations);
        if (first.status() == 200 && !testCase.request().startsWith("OPTIONS * ")) {
            checkEcho(first, violations);
        }
        if (answers.size() == 2) {
            checkFollower(answers.get(1), violations);
        }
    }

    private void checkCount(List<RawResponse> answers, List<String> violations) {
        int expected = switch (testCase.connection()) {
            case KEEP -> 2;
            case CLOSE -> 1;
            case EITHER -> answers.size() <= 2 ? answers.size() : 2;
        };
        if (answers.size() != expected) {
            violations.add(answers.size() + " answers on the connection, the request behind the case's included; "
                    + "expected " + expected + (answers.size() > expected ? ": bytes of one request were answered as "
                    + "a request of their own" : ": the request behind a refusal must not be read, nor one behind "
                    + "an accepted request left unanswered"));
        }
    }

    private void checkEcho(RawResponse first, List<String> violations) {
        String environ = first.header(ConformanceApplication.ENVIRON_HEADER);
        if (environ == null) {
            violations.add("the 200 did not come from the conformance application");
            return;
        }
        if (!environ.equals("clean")) {
            violations.add("the environ held CR, LF or NUL: " + environ);
        }
        String expected = testCase.echo() != null ? testCase.echo() : "";
        if (!testCase.request().startsWith("HEAD ") && !first.text().equals(expected)) {
            violations.add("the application read the body \"" + printable(first.text()) + "\"; expected \""
                    + printable(expected) + "\"");
        }
    }

    private static void checkFollower(RawResponse second, List<String> violations) {
        if (second.status() != 200 || !RequestConformance.FOLLOWER.equals(
                second.header(ConformanceApplication.QUERY_HEADER))) {
            violations.add("the second answer, \"" + second.statusLine() + "\", is not the answer to the request "
                    + "sent behind the case");
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
            if (out.length() > 80) {
                return out.append("...").toString();
            }
        }
        return out.toString();
    }
}
