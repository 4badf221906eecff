package dev.gatewayinterface.python;

import dev.gatewayinterface.middleware.ContractViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Hold one GraalPy context with the application imported into it, and the glue functions of
 * {@code gateway_wsgi.py}, looked up once. Not thread-safe: the pool hands it to one request at a time.
 */
final class PythonContext implements AutoCloseable {

    /** Name the Python exception a Java exception from a callback becomes; {@code null} lets an Error through. */
    private static final ProxyExecutable PYTHON_TYPE = arguments -> {
        Object error = arguments[0].isHostObject() ? arguments[0].asHostObject() : null;
        if (error instanceof Error) {
            return null;
        }
        if (error instanceof IOException || error instanceof UncheckedIOException) {
            return "OSError";
        }
        if (error instanceof ContractViolationException) {
            // As wsgiref.validate reports a broken contract.
            return "AssertionError";
        }
        if (error instanceof IllegalArgumentException) {
            return "ValueError";
        }
        return "RuntimeError";
    };

    private final Context context;

    private final Value application;

    private final Value call;

    private final Value sendableFile;

    private final Value iterate;

    private final Value nextChunk;

    private final Value close;

    /** Whether the context can run no more Python: it exited, was cancelled, or ran out of resources. */
    private volatile boolean dead;

    private PythonContext(Context context, Value glue, Value application) {
        this.context = context;
        this.application = application;
        this.call = glue.getHashValue("call");
        this.sendableFile = glue.getHashValue("sendable_file");
        this.iterate = glue.getHashValue("iterate");
        this.nextChunk = glue.getHashValue("next_chunk");
        this.close = glue.getHashValue("close");
    }

    /**
     * Create a context in the runtime's engine and import the application into it.
     * @throws PythonException with the Python traceback if the import fails
     */
    static PythonContext start(PythonRuntime runtime, PythonApplicationConfig config) {
        // Python applications are the deployer's own code, trusted like the Java application: they get files,
        // threads, processes and the environment as under any WSGI server. Not native access: GraalPy loads a
        // C extension into one context per process only, so a pool would fail in all but one (docs/PYTHON.md).
        Context context = Context.newBuilder("python")
            .engine(runtime.engine())
            .allowHostAccess(HostAccess.ALL)
            .allowIO(IOAccess.ALL)
            .allowCreateThread(true)
            .allowCreateProcess(true)
            .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
            .allowNativeAccess(false)
            .option("python.PosixModuleBackend", "java")
            .option("python.DontWriteBytecodeFlag", "false")
            .option("python.PyCachePrefix", runtime.pycacheDirectory().toString())
            .build();
        try {
            Value glue = context.eval(runtime.glue());
            glue.getHashValue("init").execute(PYTHON_TYPE);
            String[] path = config.pythonPath().stream().map(entry -> entry.toAbsolutePath().toString())
                .toArray(String[]::new);
            Value application = glue.getHashValue("load").execute(config.app(), path);
            return new PythonContext(context, glue, application);
        }
        catch (PolyglotException ex) {
            Throwable failure = translate(ex);
            context.close(true);
            String type = failure instanceof PythonException python ? python.pythonType() : "";
            throw new PythonException(type, "Cannot load the Python application '" + config.name() + "' from '"
                    + config.app() + "' with the python path " + config.pythonPath() + ":\n" + failure.getMessage(),
                    failure instanceof PythonException ? null : failure);
        }
        catch (RuntimeException ex) {
            context.close(true);
            throw ex;
        }
    }

    /** Call the application with one request's environ and callbacks; return what it returned. */
    Value call(PythonCall request, boolean multiprocess) {
        return call.execute(application, request.keys, request.values, request.read, request.readLine, request.log,
                request.flush, request.start, request.write, multiprocess);
    }

    /** Return {@code [path, position, block size, device, inode]} when the body is a real file, else null. */
    Value sendableFile(Value result) {
        Value file = sendableFile.execute(result);
        return file.isNull() ? null : file;
    }

    Value iterate(Value result) {
        return iterate.execute(result);
    }

    /** Return the body's next chunk, or {@code null} at its end. */
    byte[] nextChunk(Value iterator) {
        Value chunk = nextChunk.execute(iterator);
        return chunk.isNull() ? null : bytes(chunk);
    }

    void close(Value result) {
        close.execute(result);
    }

    /**
     * Turn a failure of this context's Python code into the exception to throw in Java, noting whether the
     * context survived it: after {@code os._exit}, a cancellation or an exhausted resource it cannot serve again.
     */
    Throwable fail(PolyglotException failure) {
        if (failure.isExit() || failure.isCancelled() || failure.isResourceExhausted() || failure.isInternalError()) {
            dead = true;
        }
        return translate(failure);
    }

    /**
     * Tell whether this context can serve no more requests.
     * @return {@code true} once a failure killed it
     */
    boolean dead() {
        return dead;
    }

    /**
     * Turn a failure of Python code into the exception to throw in Java: the Java exception a callback threw,
     * if the application let it propagate, else a {@link PythonException} with the Python traceback.
     */
    static Throwable translate(PolyglotException failure) {
        if (failure.isHostException()) {
            return failure.asHostException();
        }
        Value error = failure.isGuestException() ? failure.getGuestObject() : null;
        if (error == null || !error.hasMember("traceback")) {
            return new PythonException("", failure.getMessage(), failure);
        }
        PythonException python = new PythonException(error.getMember("python_type").asString(),
                error.getMember("traceback").asString());
        Value java = error.getMember("java_exception");
        if (java.isHostObject() && java.asHostObject() instanceof Throwable original) {
            original.addSuppressed(python);
            return original;
        }
        return python;
    }

    /** Copy a Python {@code bytes} into a Java array, byte for byte. */
    static byte[] bytes(Value data) {
        byte[] copy = new byte[Math.toIntExact(data.getBufferSize())];
        data.readBuffer(0, copy, 0, copy.length);
        return copy;
    }

    @Override
    public void close() {
        context.close(true);
    }
}
