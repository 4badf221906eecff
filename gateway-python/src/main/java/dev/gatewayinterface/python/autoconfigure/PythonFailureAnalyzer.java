package dev.gatewayinterface.python.autoconfigure;

import dev.gatewayinterface.python.PythonException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explain a Python application that failed to start: the Python traceback, and where to look.
 */
final class PythonFailureAnalyzer extends AbstractFailureAnalyzer<PythonException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PythonException cause) {
        // A failure of a configured application comes wrapped with its real property names: explain that one.
        for (Throwable failure = rootFailure; failure != null; failure = failure.getCause()) {
            if (failure instanceof PythonConfigurationException configuration) {
                return new FailureAnalysis(configuration.getMessage(), configuration.getAction(), configuration);
            }
        }
        return new FailureAnalysis(cause.getMessage(), "Check gateway.python.apps.<name>.app and .python-path: the "
                + "module must be importable from a python-path directory, with the packages it needs installed "
                + "there (pure-Python packages; see docs/PYTHON.md).", cause);
    }
}
