package dev.gatewayinterface.python;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Say which Python WSGI application to serve and how many GraalPy contexts serve it.
 *
 * @param name the application's name, used in log messages
 * @param app the application, as Gunicorn spells it: {@code module:name}, {@code module:factory()} with literal
 *     arguments, or {@code module} alone for {@code module:application}
 * @param pythonPath directories put at the front of {@code sys.path}, in order: the application's own code and
 *     its installed packages
 * @param poolSize how many contexts serve requests, one request at a time each
 * @param acquireTimeout how long a request waits for a free context before it is answered 503
 * @param timeout how long one run of Python for a request may take (the call, one chunk, the close) before the
 *     request is cancelled and its context replaced; {@link Duration#ZERO} for no limit
 * @param maxRequests how many requests a context serves before it is finalised and replaced, as Gunicorn's
 *     {@code --max-requests} restarts a worker (against slow leaks); 0 for no limit
 * @param maxRequestsJitter the most requests added at random to {@code maxRequests} for each context, so that
 *     the contexts of a pool are not all replaced at once
 * @param exposeServerObjects whether the environ's Java objects, the live server objects among them, go to Python,
 *     and Python may call their public methods, reaching the whole JVM; else Python sees only the environ's
 *     {@code str} and {@code bool} values and no Java object's members (docs/PYTHON.md, "Trust")
 */
public record PythonApplicationConfig(String name, String app, List<Path> pythonPath, int poolSize,
        Duration acquireTimeout, Duration timeout, int maxRequests, int maxRequestsJitter,
        boolean exposeServerObjects) {

    /** Gunicorn's default {@code --timeout}. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Create a configuration, checking every value.
     * @param name the application's name
     * @param app the application spec
     * @param pythonPath the directories to import from
     * @param poolSize the number of contexts, at least 1
     * @param acquireTimeout the longest wait for a context, not negative
     * @param timeout the longest run of Python per step of a request, not negative, zero for none
     * @param maxRequests the requests each context serves before it is replaced, not negative, zero for no limit
     * @param maxRequestsJitter the most requests added at random to the limit, not negative
     * @param exposeServerObjects whether Python gets the environ's Java objects and may call their methods
     */
    public PythonApplicationConfig {
        Objects.requireNonNull(name, "name must not be null");
        if (app == null || app.isBlank() || app.startsWith(":")) {
            throw new IllegalArgumentException("app must be 'module:name', not '" + app + "'");
        }
        pythonPath = List.copyOf(Objects.requireNonNull(pythonPath, "pythonPath must not be null"));
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, not " + poolSize);
        }
        Objects.requireNonNull(acquireTimeout, "acquireTimeout must not be null");
        if (acquireTimeout.isNegative()) {
            throw new IllegalArgumentException("acquireTimeout must not be negative, not " + acquireTimeout);
        }
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, not " + timeout);
        }
        if (maxRequests < 0) {
            throw new IllegalArgumentException("maxRequests must not be negative, not " + maxRequests);
        }
        if (maxRequestsJitter < 0) {
            throw new IllegalArgumentException("maxRequestsJitter must not be negative, not " + maxRequestsJitter);
        }
    }

    /**
     * Create a configuration that gives Python no Java object.
     * @param name the application's name
     * @param app the application spec
     * @param pythonPath the directories to import from
     * @param poolSize the number of contexts, at least 1
     * @param acquireTimeout the longest wait for a context, not negative
     * @param timeout the longest run of Python per step of a request, not negative, zero for none
     * @param maxRequests the requests each context serves before it is replaced, not negative, zero for no limit
     * @param maxRequestsJitter the most requests added at random to the limit, not negative
     */
    public PythonApplicationConfig(String name, String app, List<Path> pythonPath, int poolSize,
            Duration acquireTimeout, Duration timeout, int maxRequests, int maxRequestsJitter) {
        this(name, app, pythonPath, poolSize, acquireTimeout, timeout, maxRequests, maxRequestsJitter, false);
    }

    /**
     * Create a configuration whose contexts serve any number of requests.
     * @param name the application's name
     * @param app the application spec
     * @param pythonPath the directories to import from
     * @param poolSize the number of contexts, at least 1
     * @param acquireTimeout the longest wait for a context, not negative
     * @param timeout the longest run of Python per step of a request, not negative, zero for none
     */
    public PythonApplicationConfig(String name, String app, List<Path> pythonPath, int poolSize,
            Duration acquireTimeout, Duration timeout) {
        this(name, app, pythonPath, poolSize, acquireTimeout, timeout, 0, 0);
    }

    /**
     * Create a configuration with Gunicorn's default request timeout, 30 seconds.
     * @param name the application's name
     * @param app the application spec
     * @param pythonPath the directories to import from
     * @param poolSize the number of contexts, at least 1
     * @param acquireTimeout the longest wait for a context, not negative
     */
    public PythonApplicationConfig(String name, String app, List<Path> pythonPath, int poolSize,
            Duration acquireTimeout) {
        this(name, app, pythonPath, poolSize, acquireTimeout, DEFAULT_TIMEOUT);
    }

    /**
     * Return a configuration with one context per available processor, a 10-second wait for one and a
     * 30-second request timeout.
     * @param name the application's name
     * @param app the application spec
     * @param pythonPath the directories to import from
     * @return the configuration
     */
    public static PythonApplicationConfig of(String name, String app, List<Path> pythonPath) {
        return new PythonApplicationConfig(name, app, pythonPath, Runtime.getRuntime().availableProcessors(),
                Duration.ofSeconds(10));
    }
}
