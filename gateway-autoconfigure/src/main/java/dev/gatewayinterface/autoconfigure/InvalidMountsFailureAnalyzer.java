package dev.gatewayinterface.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explain a startup failure caused by {@link InvalidMountsException} in Spring Boot's failure report.
 */
final class InvalidMountsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidMountsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidMountsException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
    }
}
