package dev.gatewayinterface.python.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explain a Python application configured so that it cannot start (no {@code app}, a python-path directory that is
 * not there) in Spring Boot's failure report, instead of a stack trace.
 */
final class PythonConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PythonConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PythonConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
    }
}
