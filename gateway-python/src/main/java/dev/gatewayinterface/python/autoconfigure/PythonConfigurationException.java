package dev.gatewayinterface.python.autoconfigure;

/**
 * Report a Python application that cannot start as configured, naming its real properties, with the action that
 * fixes it; explained by {@link PythonFailureAnalyzer} in Spring Boot's failure report.
 */
public final class PythonConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    PythonConfigurationException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    /**
     * Return what the user should change.
     * @return the action
     */
    public String getAction() {
        return action;
    }
}
