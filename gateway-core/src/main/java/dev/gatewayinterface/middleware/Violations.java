package dev.gatewayinterface.middleware;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Create the validator's exceptions and tell its listener about each one, so that every violation is seen
 * exactly once by the listener whether it is thrown or only logged.
 */
final class Violations {

    private static final Logger logger = LoggerFactory.getLogger(ContractValidator.class);

    private final Consumer<ContractViolationException> listener;

    private final boolean strict;

    Violations(Consumer<ContractViolationException> listener, boolean strict) {
        this.listener = listener;
        this.strict = strict;
    }

    /** Tell whether this validator checks the rule: every rule, but the strict ones only when strict. */
    boolean checks(ContractRule rule) {
        return strict || !rule.strictOnly();
    }

    /** Create the exception for a violation the caller is about to throw. */
    ContractViolationException of(ContractRule rule, String detail) {
        return of(rule, detail, null);
    }

    /** Create the exception for a violation the caller is about to throw, keeping what caused it. */
    ContractViolationException of(ContractRule rule, String detail, Throwable cause) {
        ContractViolationException violation = new ContractViolationException(rule, detail, cause);
        try {
            listener.accept(violation);
        }
        catch (RuntimeException ex) {
            // The listener only counts; its failure must not replace the violation the caller reports.
            logger.warn("The contract-violation listener failed on {}", rule.id(), ex);
        }
        return violation;
    }

    /** Report a violation found where no caller can catch it, at the end of the request: log it at ERROR. */
    void log(ContractRule rule, String detail) {
        logger.error("{}", of(rule, detail).getMessage());
    }
}
