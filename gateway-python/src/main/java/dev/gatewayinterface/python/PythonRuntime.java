package dev.gatewayinterface.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hold what every {@link PythonApplication} of a JVM shares: one GraalPy {@link Engine}, so that contexts share
 * parsed code, and one directory of compiled {@code .pyc} files, so that imports after the first are fast.
 *
 * <p>Create one per JVM and close it after the applications that use it.
 */
public final class PythonRuntime implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PythonRuntime.class);

    private static final String GLUE = "gateway_wsgi.py";

    private static final String ATTACH_FAILURE_ACTION = "polyglotimpl.AttachLibraryFailureAction";

    private final Engine engine;

    /**
     * The engine of the applications given the server objects: host access is set per engine, so their contexts,
     * which may call Java objects' methods, cannot share the confined contexts' engine. Started on first use.
     */
    private Engine exposingEngine;

    private final Path pycacheDirectory;

    private final Source glue;

    private PythonRuntime(Engine engine, Path pycacheDirectory, Source glue) {
        this.engine = engine;
        this.pycacheDirectory = pycacheDirectory;
        this.glue = glue;
    }

    /**
     * Start a runtime that writes compiled Python files below the given directory.
     * @param pycacheDirectory where {@code .pyc} files go (Python's {@code PYTHONPYCACHEPREFIX}); created, readable
     *     and writable by its owner only, if missing
     * @return the runtime
     * @throws PycacheDirectoryException if the directory belongs to another user, or others may write to it: their
     *     {@code .pyc} files would run instead of the application's sources
     */
    public static PythonRuntime start(Path pycacheDirectory) {
        Objects.requireNonNull(pycacheDirectory, "pycacheDirectory must not be null");
        Path directory = PycacheDirectory.prepare(pycacheDirectory);
        // Below JDK 22 Truffle cannot load its attach library and says so on stderr at length; the one-line
        // warning below says what it means here. A value the deployer set is kept.
        if (System.getProperty(ATTACH_FAILURE_ACTION) == null) {
            System.setProperty(ATTACH_FAILURE_ACTION, "ignore");
        }
        Engine engine = newEngine();
        if ("Interpreted".equals(engine.getImplementationName())) {
            logger.warn("GraalPy runs in interpreter mode, without a JIT compiler: Python requests are several "
                    + "times slower than on CPython. docs/PYTHON.md shows how to run with the Graal compiler.");
        }
        return new PythonRuntime(engine, directory, loadGlue());
    }

    private static Engine newEngine() {
        return Engine.newBuilder("python")
            // Said once in start(), in our log, instead of on stderr for every engine.
            .option("engine.WarnInterpreterOnly", "false")
            .logHandler(new Slf4jLogHandler())
            .build();
    }

    private static Source loadGlue() {
        try (InputStream in = PythonRuntime.class.getResourceAsStream(GLUE)) {
            if (in == null) {
                throw new IllegalStateException(GLUE + " is missing from the gateway-python jar");
            }
            return Source.newBuilder("python", new String(in.readAllBytes(), StandardCharsets.UTF_8), GLUE).build();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + GLUE + " from the gateway-python jar", ex);
        }
    }

    /**
     * Return the engine for the contexts of an application: one shared by all confined applications, another by
     * those given the server objects.
     */
    synchronized Engine engine(boolean exposeServerObjects) {
        if (!exposeServerObjects) {
            return engine;
        }
        if (exposingEngine == null) {
            exposingEngine = newEngine();
        }
        return exposingEngine;
    }

    /**
     * Return the directory of compiled Python files, where class path applications are also extracted.
     * @return its absolute path
     */
    public Path pycacheDirectory() {
        return pycacheDirectory;
    }

    /**
     * Return the default directory of compiled Python files: {@code gateway-python/pycache} below the user's
     * cache directory ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}).
     * @return the directory, which may not exist yet
     */
    public static Path defaultPycacheDirectory() {
        return PycacheDirectory.defaultDirectory();
    }

    Source glue() {
        return glue;
    }

    /**
     * Close the engine. Close the applications first: contexts still open are cancelled.
     */
    @Override
    public synchronized void close() {
        try {
            engine.close(true);
        }
        finally {
            if (exposingEngine != null) {
                exposingEngine.close(true);
            }
        }
    }
}
