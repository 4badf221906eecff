package dev.gatewayinterface.python.autoconfigure;

import dev.gatewayinterface.mount.MountPaths;
import dev.gatewayinterface.python.PythonRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configure the Python WSGI applications served through GraalPy.
 */
@ConfigurationProperties("gateway.python")
public class GatewayPythonProperties {

    /**
     * Python WSGI applications to mount, keyed by name. gateway.apps.<name>.* applies to them as to Application
     * beans.
     */
    private final Map<String, App> apps = new LinkedHashMap<>();

    /**
     * Directory where compiled Python files (.pyc) are kept between starts, shared by every context, and where
     * "classpath:" python-path entries are extracted. Created owner-only if missing; startup fails if it belongs
     * to another user or others may write to it. Defaults to gateway-python/pycache below $XDG_CACHE_HOME or
     * ~/.cache.
     */
    private Path pycacheDir = PythonRuntime.defaultPycacheDirectory();

    /**
     * Directory GraalPy unpacks its language home into (about 25 MB) on the first start. Unset, Truffle's own
     * default, ~/.cache/org.graalvm.polyglot, which a container with a read-only home cannot write. Setting it
     * sets the JVM-wide system property polyglot.engine.userResourceCache, unless that is already set.
     */
    private Path resourceCacheDir;

    public Path getResourceCacheDir() {
        return resourceCacheDir;
    }

    public void setResourceCacheDir(Path resourceCacheDir) {
        this.resourceCacheDir = resourceCacheDir;
    }

    public Map<String, App> getApps() {
        return apps;
    }

    public Path getPycacheDir() {
        return pycacheDir;
    }

    public void setPycacheDir(Path pycacheDir) {
        if (pycacheDir == null || pycacheDir.toString().isBlank()) {
            throw new IllegalArgumentException("gateway.python.pycache-dir must name a directory");
        }
        this.pycacheDir = pycacheDir;
    }

    /**
     * Settings of one Python application.
     */
    public static class App {

        /**
         * WSGI application to serve, as Gunicorn names it: "module:name", "module:factory()" (literal arguments
         * only), or "module" for "module:application".
         */
        private String app;

        /**
         * Path the application is mounted at, its SCRIPT_NAME. Literal segments only. Defaults to "/";
         * gateway.apps.<name>.path overrides it.
         */
        private String path;

        /**
         * Directories put at the front of sys.path, in order: the application's own code and its installed
         * packages. A "classpath:" location is read from the class path, copied out of the jar when packaged.
         */
        private List<String> pythonPath = new ArrayList<>();

        /**
         * Number of GraalPy contexts serving the application, one request at a time each. Every context imports
         * the application at startup. Defaults to the number of available processors.
         */
        private int poolSize = Runtime.getRuntime().availableProcessors();

        /**
         * How long a request waits for a free context before it is answered 503 Service Unavailable.
         */
        private Duration acquireTimeout = Duration.ofSeconds(10);

        /**
         * How long one run of Python for a request may take (the call, each chunk of the body, the close), like
         * Gunicorn's --timeout. Past it the request is cancelled, answered 504 Gateway Timeout (or ended, if the
         * response had started), and its context replaced. 0 for no limit.
         */
        private Duration timeout = Duration.ofSeconds(30);

        /**
         * Number of requests a context serves before it is finalised and replaced by a new one, like Gunicorn's
         * --max-requests, to contain slow memory leaks. 0 for no limit.
         */
        private int maxRequests;

        /**
         * Most requests added at random to max-requests for each context, like Gunicorn's
         * --max-requests-jitter, so that the contexts of a pool are not all replaced at once.
         */
        private int maxRequestsJitter;

        /**
         * Whether to give this application the live server objects (gateway.servlet_request,
         * gateway.servlet_response, gateway.server_exchange, gateway.request_end) and any other Java object in its
         * environ, with access to their public methods: through them Python reaches the whole JVM, System
         * properties and every other mount's configuration included. Off, Python sees only the environ's str and
         * bool values and calls no Java method.
         */
        private boolean exposeServerObjects;

        /**
         * Name/value pairs added to this application's environ, over gateway.environ.*. The request's own keys
         * take precedence.
         */
        private final Map<String, String> environ = new LinkedHashMap<>();

        public String getApp() {
            return app;
        }

        public void setApp(String app) {
            if (app == null || app.isBlank() || app.startsWith(":")) {
                throw new IllegalArgumentException(
                        "gateway.python.apps.<name>.app must be 'module:name', such as 'app:app', not '" + app + "'");
            }
            this.app = app.trim();
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = MountPaths.normalize(path);
        }

        public List<String> getPythonPath() {
            return pythonPath;
        }

        public void setPythonPath(List<String> pythonPath) {
            if (pythonPath == null || pythonPath.stream().anyMatch(entry -> entry == null || entry.isBlank())) {
                throw new IllegalArgumentException(
                        "gateway.python.apps.<name>.python-path must list directories, not " + pythonPath);
            }
            this.pythonPath = pythonPath;
        }

        public int getPoolSize() {
            return poolSize;
        }

        public void setPoolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException(
                        "gateway.python.apps.<name>.pool-size must be at least 1, not " + poolSize);
            }
            this.poolSize = poolSize;
        }

        public Duration getAcquireTimeout() {
            return acquireTimeout;
        }

        public void setAcquireTimeout(Duration acquireTimeout) {
            if (acquireTimeout == null || acquireTimeout.isNegative()) {
                throw new IllegalArgumentException(
                        "gateway.python.apps.<name>.acquire-timeout must not be negative, not " + acquireTimeout);
            }
            this.acquireTimeout = acquireTimeout;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new IllegalArgumentException(
                        "gateway.python.apps.<name>.timeout must not be negative, not " + timeout);
            }
            this.timeout = timeout;
        }

        public int getMaxRequests() {
            return maxRequests;
        }

        public void setMaxRequests(int maxRequests) {
            this.maxRequests = notNegative("max-requests", maxRequests);
        }

        public int getMaxRequestsJitter() {
            return maxRequestsJitter;
        }

        public void setMaxRequestsJitter(int maxRequestsJitter) {
            this.maxRequestsJitter = notNegative("max-requests-jitter", maxRequestsJitter);
        }

        private static int notNegative(String property, int value) {
            if (value < 0) {
                throw new IllegalArgumentException(
                        "gateway.python.apps.<name>." + property + " must not be negative, not " + value);
            }
            return value;
        }

        public boolean isExposeServerObjects() {
            return exposeServerObjects;
        }

        public void setExposeServerObjects(boolean exposeServerObjects) {
            this.exposeServerObjects = exposeServerObjects;
        }

        public Map<String, String> getEnviron() {
            return environ;
        }
    }
}
