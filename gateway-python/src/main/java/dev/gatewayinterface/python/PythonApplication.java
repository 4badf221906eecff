package dev.gatewayinterface.python;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.engine.RequestEnd;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.graalvm.polyglot.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serve a Python WSGI application, such as a Flask or Django one, as an {@link Application}, on GraalPy.
 *
 * <p>A pool of GraalPy contexts, each with the application imported, serves requests; a context serves one
 * request at a time, from the call until the body is closed, on its own thread, like a pre-forked worker process.
 * So the Python application sees {@code wsgi.multithread} false and {@code wsgi.multiprocess} true when the pool
 * has more than one context. A request that finds no free context within the configured wait is answered
 * {@code 503 Service Unavailable} with {@code Retry-After}, at once while no context works and starting one
 * failed; one whose Python runs past the configured timeout is cancelled and answered {@code 504 Gateway Timeout},
 * and its context replaced.
 *
 * <p>The Python side follows PEP 3333 (docs/SPEC.md §13 lists how values cross over): the environ is a
 * {@code dict} of {@code str}, {@code bool} and file-like objects; {@code start_response} and {@code write} check
 * their arguments in Python and then in Java; the body is streamed chunk by chunk and its {@code close()} is
 * always called. A real file returned through {@code wsgi.file_wrapper} is sent by Java without passing through
 * Python.
 */
public final class PythonApplication implements Application, AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(PythonApplication.class);

    private static final byte[] BUSY = "503 Service Unavailable: every Python context is busy\n"
        .getBytes(StandardCharsets.US_ASCII);

    private static final byte[] DOWN = ("503 Service Unavailable: the Python application has no working context; "
            + "starting a new one failed and is being retried\n").getBytes(StandardCharsets.US_ASCII);

    private static final byte[] TIMED_OUT = "504 Gateway Timeout: the Python application took too long\n"
        .getBytes(StandardCharsets.US_ASCII);

    private static final byte[] SHUTTING_DOWN = "503 Service Unavailable: the Python application is shutting down\n"
        .getBytes(StandardCharsets.US_ASCII);

    private static final long BUSY_WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

    private final PythonApplicationConfig config;

    private final ContextPool pool;

    private final AtomicLong lastBusyWarning = new AtomicLong(System.nanoTime() - BUSY_WARNING_INTERVAL);

    private PythonApplication(PythonApplicationConfig config, ContextPool pool) {
        this.config = config;
        this.pool = pool;
    }

    /**
     * Start the application's contexts, importing the application into each.
     * @param runtime the runtime whose engine and {@code .pyc} cache the contexts share
     * @param config the application and its pool
     * @return the application, ready to serve
     * @throws PythonException with the Python traceback if the application cannot be imported
     */
    public static PythonApplication start(PythonRuntime runtime, PythonApplicationConfig config) {
        Objects.requireNonNull(runtime, "runtime must not be null");
        Objects.requireNonNull(config, "config must not be null");
        return new PythonApplication(config, ContextPool.start(runtime, config));
    }

    /**
     * Return this application's configuration.
     * @return the configuration
     */
    public PythonApplicationConfig config() {
        return config;
    }

    /**
     * Describe the pool of contexts now: how many serve, wait, were replaced or timed out.
     * @return the pool's figures
     */
    public PythonPoolState poolState() {
        return pool.state();
    }

    /** Return how many contexts are free to take a request now. */
    int idleContexts() {
        return pool.idle();
    }

    /** Return how many requests are waiting for a free context now. */
    int waitingRequests() {
        return pool.waiting();
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        PythonContext context = pool.acquire(config.acquireTimeout());
        if (context == null) {
            return pool.down() ? unavailable(environ, startResponse, DOWN) : busy(environ, startResponse);
        }
        boolean handedOver = false;
        try {
            PythonCall request = new PythonCall(environ, startResponse, config.exposeServerObjects());
            Function<RuntimeException, List<byte[]>> stopped = failure -> stopped(failure, context, request,
                    environ, startResponse);
            Value result;
            try {
                result = context.call(request, pool.size() > 1);
            }
            catch (RuntimeException ex) {
                return stopped.apply(ex);
            }
            // From here on, closing the body gives the context back.
            PythonBody body = new PythonBody(context, result, () -> pool.release(context), stopped);
            handedOver = true;
            try {
                Iterable<byte[]> file = sendFile(context, result, body, environ);
                return file != null ? file : body;
            }
            catch (RuntimeException | Error ex) {
                // Nobody else will close the body, and with it give the context back: do it here, even for an
                // Error, or the pool would shrink by one context for good.
                try {
                    body.close();
                }
                catch (RuntimeException closeFailure) {
                    ex.addSuppressed(closeFailure);
                }
                throw ex;
            }
        }
        finally {
            if (!handedOver) {
                pool.release(context);
            }
        }
    }

    /**
     * Answer a request whose Python the server stopped, as Gunicorn does when it kills a worker: 504 when it ran
     * past the timeout, 503 when the application is shutting down and cancelled it, if nothing was sent yet; else
     * the failure is rethrown and the response ended. Any other failure is the application's, and rethrown.
     */
    private List<byte[]> stopped(RuntimeException failure, PythonContext context, PythonCall request,
            Map<String, Object> environ, StartResponse startResponse) {
        if (failure instanceof PythonWorker.WorkerTimeoutException timeout) {
            logger.warn("Python application '{}': {} {}{} ran longer than its timeout of {}; cancelling it and "
                    + "replacing its context", config.name(), environ.get(Environ.REQUEST_METHOD),
                    environ.get(Environ.SCRIPT_NAME), environ.get(Environ.PATH_INFO), timeout.timeout());
            pool.timedOut();
            return answerInstead(request, environ, startResponse, "504 Gateway Timeout", TIMED_OUT, timeout);
        }
        if (context.cancelled() && pool.closing()) {
            // Not the application's failure: the pool said at WARN that it cancelled a busy context.
            logger.debug("Python application '{}': {} {}{} was cancelled by the shutdown", config.name(),
                    environ.get(Environ.REQUEST_METHOD), environ.get(Environ.SCRIPT_NAME),
                    environ.get(Environ.PATH_INFO), failure);
            return answerInstead(request, environ, startResponse, "503 Service Unavailable", SHUTTING_DOWN, failure);
        }
        throw failure;
    }

    /** Answer in place of Python, whose context was cancelled, unless the response can only be ended. */
    private static List<byte[]> answerInstead(PythonCall request, Map<String, Object> environ,
            StartResponse startResponse, String status, byte[] body, RuntimeException failure) {
        if (!request.takeOverResponse()) {
            // Python is sending at this moment: the response cannot be changed, only ended.
            throw failure;
        }
        // With the failure as excInfo: once the headers were sent, start_response rethrows it, ending the response.
        startResponse.start(status, List.of(new Header("Content-Type", "text/plain; charset=utf-8"),
                new Header("Content-Length", Integer.toString(body.length))), failure);
        return "HEAD".equals(environ.get(Environ.REQUEST_METHOD)) ? List.of() : List.of(body);
    }

    /**
     * Hand a real file the application returned through {@code wsgi.file_wrapper} to the server, which may
     * send it without copying. Java opens the file by its path and checks it is the same file; the Python body
     * is closed when the request ends.
     * @return the server's file body, or {@code null} if the Python body must be iterated instead
     */
    private Iterable<byte[]> sendFile(PythonContext context, Value result, PythonBody body,
            Map<String, Object> environ) {
        if (!(environ.get(RequestEnd.ENVIRON_KEY) instanceof RequestEnd end)
                || !(environ.get(Environ.WSGI_FILE_WRAPPER) instanceof FileWrapper wrapper)) {
            return null;
        }
        PythonContext.SendableFile file = context.sendableFile(result);
        if (file == null) {
            return null;
        }
        FileInputStream stream = open(file);
        if (stream == null) {
            return null;
        }
        Iterable<byte[]> sent;
        try {
            sent = wrapper.wrap(stream, file.blockSize());
        }
        catch (RuntimeException ex) {
            closeQuietly(stream);
            throw ex;
        }
        end.onEnd(() -> {
            try {
                body.close();
            }
            catch (RuntimeException ex) {
                logger.error("Application '{}' failed to close its body", config.name(), ex);
            }
        });
        return sent;
    }

    /** Open the file Python named, at Python's position, if it is still the file Python has open. */
    private static FileInputStream open(PythonContext.SendableFile file) {
        FileInputStream stream = null;
        try {
            Path path = Path.of(file.path());
            stream = new FileInputStream(path.toFile());
            Map<String, Object> identity = Files.readAttributes(path, "unix:dev,ino");
            if (((Number) identity.get("dev")).longValue() != file.device()
                    || ((Number) identity.get("ino")).longValue() != file.inode()) {
                closeQuietly(stream);
                return null;
            }
            stream.getChannel().position(file.position());
            return stream;
        }
        catch (IOException | RuntimeException ex) {
            // Renamed, deleted, unreadable by path, or no inode numbers on this platform: Python iterates it.
            closeQuietly(stream);
            return null;
        }
    }

    private static void closeQuietly(FileInputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            }
            catch (IOException ex) {
                // Only read from, never written: closing it loses nothing.
            }
        }
    }

    private Iterable<byte[]> busy(Map<String, Object> environ, StartResponse startResponse) {
        long now = System.nanoTime();
        long last = lastBusyWarning.get();
        if (now - last >= BUSY_WARNING_INTERVAL && lastBusyWarning.compareAndSet(last, now)) {
            logger.warn("Python application '{}': all {} contexts stayed busy for {}; answering 503 "
                    + "(said at most once a minute). Raise its pool-size or acquire-timeout.", config.name(),
                    pool.size(), config.acquireTimeout());
        }
        return unavailable(environ, startResponse, BUSY);
    }

    /**
     * Answer 503 with the reason; the start-up failures that keep the pool down are logged as they happen.
     */
    private static Iterable<byte[]> unavailable(Map<String, Object> environ, StartResponse startResponse,
            byte[] reason) {
        startResponse.start("503 Service Unavailable", List.of(new Header("Content-Type", "text/plain; charset=utf-8"),
                new Header("Retry-After", "1"), new Header("Content-Length", Integer.toString(reason.length))));
        return "HEAD".equals(environ.get(Environ.REQUEST_METHOD)) ? List.of() : List.of(reason);
    }

    /**
     * Close every context, as a Gunicorn worker exits: idle contexts finalise Python ({@code atexit} handlers run,
     * files are flushed); contexts still serving a request are waited for up to the grace period, and cancelled
     * past it. No context is replaced any more.
     * @param grace how long requests still running may take
     */
    public void close(Duration grace) {
        Objects.requireNonNull(grace, "grace must not be null");
        pool.close(grace);
    }

    /**
     * Close every context: idle ones finalise Python; requests still running are cancelled.
     */
    @Override
    public void close() {
        pool.close(Duration.ZERO);
    }
}
