package dev.gatewayinterface.middleware;

/**
 * Report a breach of docs/SPEC.md found by {@link ContractValidator}, by the server or by the application.
 *
 * <p>The message has a fixed prefix, names the section and quotes the offending value, for instance
 * {@code [gateway-validator] SPEC §5.2: header name "X Bad" is not an HTTP token}. Code that counts or
 * sorts violations should use {@link #rule()} rather than parse the message.
 */
public final class ContractViolationException extends RuntimeException {

    private static final String PREFIX = "[gateway-validator] SPEC ";

    private final ContractRule rule;

    ContractViolationException(ContractRule rule, String detail, Throwable cause) {
        super(PREFIX + rule.section() + ": " + detail, cause);
        this.rule = rule;
    }

    /**
     * Return the rule that was broken.
     * @return the rule
     */
    public ContractRule rule() {
        return rule;
    }

    /**
     * Return the docs/SPEC.md section that was breached, such as {@code "§5.2"}.
     * @return the section of {@link #rule()}
     */
    public String section() {
        return rule.section();
    }
}
