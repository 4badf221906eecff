package dev.gatewayinterface.python;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.Write;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Hold one request's callbacks for the Python shims of {@code gateway_wsgi.py}: {@code wsgi.input} and
 * {@code wsgi.errors} over the Java streams, {@code start_response} and {@code write} over the Java callables.
 * Bytes go to Python as {@link ByteBuffer}s, which Python copies into {@code bytes} without sign trouble.
 */
final class PythonCall {

    /** Keys the glue sets itself, with Python values: a tuple, the shims, and the pool's threading flags. */
    private static final Set<String> SET_BY_GLUE = Set.of(Environ.WSGI_VERSION, Environ.WSGI_INPUT,
            Environ.WSGI_ERRORS, Environ.WSGI_FILE_WRAPPER, Environ.WSGI_MULTITHREAD, Environ.WSGI_MULTIPROCESS);

    final String[] keys;

    final Object[] values;

    final ProxyExecutable read;

    final ProxyExecutable readLine;

    final ProxyExecutable log;

    final ProxyExecutable flush;

    final ProxyExecutable start;

    final ProxyExecutable write;

    private Write writer;

    /** Held while Python's start_response or write uses the response, so that a timeout never races them. */
    private final ReentrantLock response = new ReentrantLock();

    /** Whether the server took the response over from a Python that ran past its timeout; guarded by the lock. */
    private boolean takenOver;

    /**
     * Prepare the callbacks of one request.
     * @param exposeServerObjects whether Java objects in the environ (the server's, a middleware's) go to Python;
     *     else only its {@code str} and {@code bool} values do
     */
    PythonCall(Map<String, Object> environ, StartResponse startResponse, boolean exposeServerObjects) {
        String[] names = new String[environ.size()];
        Object[] objects = new Object[environ.size()];
        int count = 0;
        for (Map.Entry<String, Object> entry : environ.entrySet()) {
            Object value = entry.getValue();
            boolean plain = value instanceof String || value instanceof Boolean;
            if (!SET_BY_GLUE.contains(entry.getKey()) && (plain || exposeServerObjects)) {
                names[count] = entry.getKey();
                objects[count++] = entry.getValue();
            }
        }
        this.keys = Arrays.copyOf(names, count);
        this.values = Arrays.copyOf(objects, count);
        Input input = (Input) environ.get(Environ.WSGI_INPUT);
        Errors errors = (Errors) environ.get(Environ.WSGI_ERRORS);
        this.read = arguments -> {
            try {
                return ByteBuffer.wrap(input.read(arguments[0].asInt()));
            }
            catch (Exception ex) {
                throw sneaky(ex);
            }
        };
        this.readLine = arguments -> {
            try {
                return ByteBuffer.wrap(input.readLine(arguments[0].asInt()));
            }
            catch (Exception ex) {
                throw sneaky(ex);
            }
        };
        this.log = arguments -> {
            errors.write(arguments[0].asString());
            return null;
        };
        this.flush = arguments -> {
            errors.flush();
            return null;
        };
        this.start = arguments -> {
            response.lock();
            try {
                checkNotTakenOver();
                return start(startResponse, arguments);
            }
            finally {
                response.unlock();
            }
        };
        this.write = arguments -> {
            response.lock();
            try {
                checkNotTakenOver();
                if (writer == null) {
                    throw new IllegalStateException("write() was called before start_response (SPEC §5.5)");
                }
                writer.write(PythonContext.bytes(arguments[0]));
            }
            catch (Exception ex) {
                throw sneaky(ex);
            }
            finally {
                response.unlock();
            }
            return null;
        };
    }

    private void checkNotTakenOver() {
        if (takenOver) {
            throw new IllegalStateException("the request ran past its timeout; the server answered it");
        }
    }

    /**
     * Take the response away from Python, whose code ran past its timeout and still runs until cancelled.
     * @return {@code true} if the server may now answer; {@code false} if Python is inside start_response or
     *     write at this moment, and the response is left to it
     */
    boolean takeOverResponse() {
        if (!response.tryLock()) {
            return false;
        }
        try {
            takenOver = true;
            return true;
        }
        finally {
            response.unlock();
        }
    }

    /**
     * Call the Java start_response with the headers the glue flattened to name, value, name, value, ….
     * @return {@code true} when the Java side rethrew excInfo, which the glue then raises as the Python exception
     */
    private boolean start(StartResponse startResponse, Value[] arguments) {
        Value flat = arguments[1];
        List<Header> headers = new ArrayList<>((int) flat.getArraySize() / 2);
        for (long index = 0; index < flat.getArraySize(); index += 2) {
            headers.add(new Header(flat.getArrayElement(index).asString(), flat.getArrayElement(index + 1).asString()));
        }
        PythonException excInfo = arguments[3].isNull() ? null
                : new PythonException(arguments[2].asString(), arguments[3].asString());
        try {
            writer = startResponse.start(arguments[0].asString(), headers, excInfo);
            return false;
        }
        catch (PythonException ex) {
            if (ex == excInfo) {
                return true;
            }
            throw ex;
        }
    }

    /** Throw a checked exception unchanged through a callback: Python sees it, and Java gets it back as it was. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable error) throws T {
        throw (T) error;
    }
}
