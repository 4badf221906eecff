package dev.gatewayinterface.python;

/**
 * Carry an exception raised by Python code to the Java side: its message is the Python traceback, as Python
 * prints it, so the log shows where in the application it was raised. The control characters of the Python
 * exceptions' messages are escaped, so the message breaks lines only where the traceback does (SPEC §13).
 */
public final class PythonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pythonType;

    PythonException(String pythonType, String traceback) {
        super(traceback);
        this.pythonType = pythonType;
    }

    PythonException(String pythonType, String message, Throwable cause) {
        super(message, cause);
        this.pythonType = pythonType;
    }

    /**
     * Return the Python exception's type, such as {@code ValueError} or {@code werkzeug.exceptions.NotFound}.
     * @return the type's qualified name, without a module for built-in types
     */
    public String pythonType() {
        return pythonType;
    }
}
