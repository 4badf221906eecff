package dev.gatewayinterface.python.autoconfigure;

import dev.gatewayinterface.python.PythonRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Start one {@link PythonRuntime} for all the test classes that extend with this, and close it after the last of
 * them: GraalPy starts once per test run, not once per class. The runs' contexts get it as a bean without a
 * destroy method, so that closing a context leaves it running.
 */
final class SharedPythonRuntime implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
        .create(SharedPythonRuntime.class);

    private static volatile PythonRuntime runtime;

    @Override
    public void beforeAll(ExtensionContext context) {
        // Kept in the root store, which closes it once every test class ran.
        runtime = context.getRoot().getStore(NAMESPACE).computeIfAbsent(PythonRuntime.class,
                type -> PythonRuntime.start(Path.of("target/pycache")), PythonRuntime.class);
    }

    /** Return the shared runtime, started before the test class. */
    static PythonRuntime get() {
        return runtime;
    }
}
