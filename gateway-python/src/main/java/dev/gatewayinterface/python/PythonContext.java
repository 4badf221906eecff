package dev.gatewayinterface.python;

import dev.gatewayinterface.middleware.ContractViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hold one GraalPy context with the application imported into it, and the glue functions of
 * {@code gateway_wsgi.py}, looked up once. Every use of the context runs on its own {@link PythonWorker} thread,
 * each step within the application's timeout; a step past it cancels the context. Not thread-safe otherwise: the
 * pool hands it to one request at a time.
 */
final class PythonContext implements AutoCloseable {

    /**
     * Name the Python exception a Java exception from a callback becomes, and give its message, as
     * {@code [type, message]}; {@code null} lets an Error through. Read here, because Python may call no method
     * of a Java exception it is handed.
     */
    private static final ProxyExecutable PYTHON_ERROR = arguments -> {
        Object error = arguments[0].isHostObject() ? arguments[0].asHostObject() : null;
        if (error instanceof Error) {
            return null;
        }
        String message = error instanceof Throwable java && java.getMessage() != null ? java.getMessage()
                : String.valueOf(error);
        return ProxyArray.fromArray(pythonType(error), message);
    };

    /**
     * Let Python reach no Java object's members, only the glue's callbacks (proxies), the byte buffers they return
     * and the arrays of environ names and values Java hands the glue: the application sees the WSGI objects, not
     * the JVM (docs/PYTHON.md, "Trust"). Every context of an engine must have the same.
     */
    static final HostAccess CONFINED = HostAccess.newBuilder(HostAccess.EXPLICIT)
        .allowBufferAccess(true)
        .allowArrayAccess(true)
        .build();

    private static String pythonType(Object error) {
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
    }

    private static final Logger logger = LoggerFactory.getLogger(PythonApplication.class);

    private final PythonWorker worker;

    private final Duration timeout;

    private final Context context;

    private final Value application;

    private final Value call;

    private final Value sendableFile;

    private final Value iterate;

    private final Value knownLength;

    private final Value nextChunk;

    private final Value close;

    /** Whether the context can run no more Python: it exited, was cancelled, or ran out of resources. */
    private volatile boolean dead;

    /** Whether the server cancelled the context: past a timeout, at shutdown, or to close it once dead. */
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** How many more requests the context may serve before it is retired; negative for any number. */
    private final AtomicInteger requestsLeft;

    private PythonContext(PythonWorker worker, PythonApplicationConfig config, Context context, Value glue,
            Value application) {
        this.worker = worker;
        this.timeout = config.timeout();
        this.context = context;
        this.application = application;
        this.call = glue.getHashValue("call");
        this.sendableFile = glue.getHashValue("sendable_file");
        this.iterate = glue.getHashValue("iterate");
        this.knownLength = glue.getHashValue("known_length");
        this.nextChunk = glue.getHashValue("next_chunk");
        this.close = glue.getHashValue("close");
        this.requestsLeft = new AtomicInteger(requestLimit(config));
    }

    private static int requestLimit(PythonApplicationConfig config) {
        if (config.maxRequests() == 0) {
            return -1;
        }
        return config.maxRequests() + ThreadLocalRandom.current().nextInt(config.maxRequestsJitter() + 1);
    }

    /**
     * Start a worker thread, and on it create a context in the runtime's engine and import the application.
     * @param threadName the name of the context's thread
     * @throws PythonException with the Python traceback if the import fails
     */
    static PythonContext start(PythonRuntime runtime, PythonApplicationConfig config, String threadName) {
        PythonWorker worker = new PythonWorker(threadName);
        try {
            return worker.run(() -> create(worker, runtime, config), Duration.ZERO);
        }
        catch (RuntimeException | Error ex) {
            worker.shutdown();
            throw ex;
        }
    }

    private static PythonContext create(PythonWorker worker, PythonRuntime runtime, PythonApplicationConfig config) {
        // Python applications are the deployer's own code, trusted as under any WSGI server: they get files,
        // threads, processes and the environment. Not the JVM's objects, unless the deployer exposes the server
        // objects to one of them (docs/PYTHON.md, "Trust"). Not native access: GraalPy loads a C extension into
        // one context per process only, so a pool would fail in all but one (docs/PYTHON.md).
        Context context = Context.newBuilder("python")
            .engine(runtime.engine(config.exposeServerObjects()))
            .allowHostAccess(config.exposeServerObjects() ? HostAccess.ALL : CONFINED)
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
            glue.getHashValue("init").execute(PYTHON_ERROR);
            String[] path = config.pythonPath().stream().map(entry -> entry.toAbsolutePath().toString())
                .toArray(String[]::new);
            Value application = glue.getHashValue("load").execute(config.app(), path);
            return new PythonContext(worker, config, context, glue, application);
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
        return step(() -> call.execute(application, request.keys, request.values, request.read, request.readLine,
                request.log, request.flush, request.start, request.write, multiprocess));
    }

    /**
     * Describe the body when it is a real file the server may send itself.
     * @return the file, or {@code null} if the body must be iterated
     */
    SendableFile sendableFile(Value result) {
        return step(() -> {
            try {
                Value file = sendableFile.execute(result);
                return file.isNull() ? null : new SendableFile(file.getArrayElement(0).asString(),
                        file.getArrayElement(1).asLong(), file.getArrayElement(2).asInt(),
                        file.getArrayElement(3).asLong(), file.getArrayElement(4).asLong());
            }
            catch (PolyglotException | ClassCastException | UnsupportedOperationException ex) {
                // Iterating the file in Python still works, and reports any real failure where it happens.
                return null;
            }
        });
    }

    /** Return the length of a body of one chunk, known before iterating it (SPEC §1.4), or -1. */
    long knownLength(Value result) {
        return step(() -> knownLength.execute(result).asLong());
    }

    Value iterate(Value result) {
        return step(() -> iterate.execute(result));
    }

    /** Return the body's next chunk, or {@code null} at its end. */
    byte[] nextChunk(Value iterator) {
        return step(() -> {
            Value chunk = nextChunk.execute(iterator);
            return chunk.isNull() ? null : bytes(chunk);
        });
    }

    void close(Value result) {
        step(() -> close.execute(result));
    }

    /**
     * Run one step of a request on the worker, within the timeout. A Python failure is thrown as the Java
     * exception {@link #translate} makes of it; a step past the timeout cancels the context.
     */
    private <T> T step(Callable<T> python) {
        try {
            return worker.run(() -> {
                try {
                    return python.call();
                }
                catch (PolyglotException ex) {
                    throw PythonCall.sneaky(fail(ex));
                }
            }, timeout);
        }
        catch (PythonWorker.WorkerTimeoutException ex) {
            cancel();
            throw ex;
        }
    }

    /**
     * Cancel whatever the context runs and close it, on a thread of its own: a context stuck in a host call (a
     * blocked read) leaves the cancellation only once that call returns, and nobody should wait for that.
     */
    void cancel() {
        dead = true;
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        Thread canceller = new Thread(() -> {
            try {
                context.close(true);
            }
            catch (RuntimeException ex) {
                // Closing a context GraalPy already gave up leaves nothing open to report.
                logger.debug("A cancelled Python context failed to close", ex);
            }
            finally {
                worker.shutdown();
            }
        }, worker.name() + "-cancel");
        canceller.setDaemon(true);
        canceller.start();
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
     * Count a request the context finished serving, and tell whether it has served as many as it may.
     * @return {@code true} once it reached its {@code max-requests}: it is to be finalised and replaced
     */
    boolean servedItsLastRequest() {
        return requestsLeft.get() >= 0 && requestsLeft.decrementAndGet() <= 0;
    }

    /**
     * Tell whether the server cancelled this context, rather than the context dying by itself.
     * @return {@code true} once cancelled
     */
    boolean cancelled() {
        return cancelled.get();
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

    /**
     * Close the context. An idle, working context finalises Python first, on its own thread, as an interpreter
     * that exits does: {@code atexit} handlers run and files are flushed. One still busy after the grace period,
     * or dead, is cancelled.
     * @param grace how long to wait for the context to become idle and finalise, {@link Duration#ZERO} for no limit
     */
    void close(Duration grace) {
        if (dead) {
            cancel();
            return;
        }
        try {
            worker.run(() -> {
                context.close();
                return null;
            }, grace);
            worker.shutdown();
        }
        catch (PythonWorker.WorkerTimeoutException ex) {
            logger.warn("A Python context was still busy {} after it was asked to close; cancelling it", grace);
            cancel();
        }
        catch (RuntimeException ex) {
            logger.warn("A Python context failed to finalise; cancelling it", ex);
            cancel();
        }
    }

    /** Close the context at once, cancelling what it runs. */
    @Override
    public void close() {
        cancel();
    }

    /** A binary file of the file system that Python returned through {@code wsgi.file_wrapper}. */
    record SendableFile(String path, long position, int blockSize, long device, long inode) {
    }
}
