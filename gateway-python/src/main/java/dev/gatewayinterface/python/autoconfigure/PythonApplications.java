package dev.gatewayinterface.python.autoconfigure;

import dev.gatewayinterface.autoconfigure.MountDefinition;
import dev.gatewayinterface.python.PythonApplication;
import dev.gatewayinterface.python.PythonApplicationConfig;
import dev.gatewayinterface.python.PythonException;
import dev.gatewayinterface.python.PythonPoolState;
import dev.gatewayinterface.python.PythonRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Start the applications of {@code gateway.python.apps.*} as they are mounted, all in one {@link PythonRuntime},
 * and stop them when the application context closes, before the runtime. Requests still running get the grace
 * period from the moment the context began to close, the one the web server's graceful shutdown waits too, not a
 * second one after it.
 */
final class PythonApplications implements DisposableBean, ApplicationListener<ContextClosedEvent>,
        ApplicationContextAware {

    private static final Logger logger = LoggerFactory.getLogger(PythonApplications.class);

    private static final String CLASSPATH = "classpath:";

    private final GatewayPythonProperties properties;

    private final ResourcePatternResolver resources;

    private final Map<String, PythonApplication> started = new LinkedHashMap<>();

    private final PythonRuntime runtime;

    private final Duration shutdownGrace;

    private final List<String> mounted;

    private ApplicationContext context;

    /** When this application context began to close, by {@link System#nanoTime()}; {@code null} until then. */
    private volatile Long closingSince;

    /**
     * Prepare to start the applications.
     * @param shutdownGrace how long requests still running at shutdown may take before their contexts are
     *     cancelled: {@code spring.lifecycle.timeout-per-shutdown-phase}
     */
    PythonApplications(PythonRuntime runtime, GatewayPythonProperties properties, ResourcePatternResolver resources,
            Binder binder, Duration shutdownGrace) {
        this.runtime = runtime;
        this.properties = properties;
        this.resources = resources;
        this.shutdownGrace = shutdownGrace;
        this.mounted = properties.getApps().keySet().stream()
            .filter(name -> PythonMountRegistrar.mounted(binder, name))
            .toList();
    }

    /**
     * Return the names of the applications that are mounted, started or not yet.
     * @return the names, in the order they are configured
     */
    List<String> mounted() {
        return mounted;
    }

    /**
     * Start the named application and describe its mount.
     * @throws dev.gatewayinterface.python.PythonException with the Python traceback if it cannot be imported
     */
    synchronized MountDefinition mount(String name) {
        GatewayPythonProperties.App app = properties.getApps().get(name);
        String prefix = "gateway.python.apps." + name;
        if (app.getApp() == null) {
            throw new PythonConfigurationException(prefix + ".app is not set, so there is no WSGI application to "
                    + "serve at " + (app.getPath() != null ? app.getPath() : "/") + ".", "Set " + prefix + ".app to the "
                    + "application, such as 'app:app' for the object 'app' of the module 'app', or 'pkg.wsgi:application'"
                    + " (Django); or remove the " + prefix + ".* properties.", null);
        }
        List<Path> pythonPath = new ArrayList<>();
        for (String entry : app.getPythonPath()) {
            pythonPath.add(directory(name, entry));
        }
        PythonApplication application;
        try {
            application = PythonApplication.start(runtime, new PythonApplicationConfig(name, app.getApp(), pythonPath,
                    app.getPoolSize(), app.getAcquireTimeout(), app.getTimeout(), app.getMaxRequests(),
                    app.getMaxRequestsJitter(), app.isExposeServerObjects()));
        }
        catch (PythonException ex) {
            throw new PythonConfigurationException("The Python application '" + name + "' (" + prefix + ".app="
                    + app.getApp() + ") failed to start:\n" + ex.getMessage(), "Fix the error above. Python searched "
                    + "these directories for the module, from " + prefix + ".python-path: " + pythonPath + "; each "
                    + "must hold the module and the packages it needs (pure-Python packages; see docs/PYTHON.md).", ex);
        }
        started.put(name, application);
        return new MountDefinition(name, app.getPath(), application, app.getEnviron());
    }

    /**
     * Return the applications started so far, by name.
     * @return a copy, in the order they started
     */
    synchronized Map<String, PythonApplication> started() {
        return new LinkedHashMap<>(started);
    }

    /**
     * Describe the pool of each application started so far.
     * @return each pool's state, by application name
     */
    Map<String, PythonPoolState> poolStates() {
        Map<String, PythonPoolState> states = new LinkedHashMap<>();
        started().forEach((name, application) -> states.put(name, application.poolState()));
        return states;
    }

    /**
     * Describe the mount of an application that is left unmounted, without starting it.
     */
    MountDefinition unstarted(String name) {
        GatewayPythonProperties.App app = properties.getApps().get(name);
        return new MountDefinition(name, app.getPath(), (environ, startResponse) -> {
            throw new IllegalStateException("The Python application '" + name + "' is not mounted, so not started");
        }, app.getEnviron());
    }

    /** Return a python-path entry as a directory, extracting a class path location out of its jar if need be. */
    private Path directory(String name, String entry) {
        if (!entry.startsWith(CLASSPATH)) {
            // Relative entries resolve against the working directory, as Python's own sys.path entries do.
            Path directory = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.isDirectory(directory)) {
                throw new PythonConfigurationException("gateway.python.apps." + name + ".python-path lists '" + entry
                        + "', which is " + directory + " (relative entries resolve against the working directory, "
                        + Path.of("").toAbsolutePath() + "), and that is not a directory.", "Give the directory that "
                        + "holds the module as an absolute path, a path relative to the working directory, or a "
                        + "classpath: location.", null);
            }
            return directory;
        }
        String location = CLASSPATH + entry.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "") + "/";
        try {
            Resource root = resources.getResource(location);
            if (!root.exists()) {
                throw new IllegalStateException("gateway.python.apps." + name + ".python-path lists " + entry
                        + ", which is not on the class path");
            }
            if (root.isFile()) {
                return root.getFile().toPath();
            }
            return extract(root, location);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + entry + " for gateway.python.apps." + name, ex);
        }
    }

    /**
     * Extract a class path location out of its jar once, into a folder below the {@code .pyc} cache named by a
     * hash of its files' names and contents: later starts of the same code find it in place, so their imports
     * hit the cache, and the cache grows only with new versions of the code, never with restarts.
     */
    private Path extract(Resource root, String location) throws IOException {
        String rootUrl = root.getURL().toString();
        Map<String, Resource> files = new TreeMap<>();
        for (Resource resource : resources.getResources(location + "**")) {
            String url = resource.getURL().toString();
            if (url.startsWith(rootUrl) && !url.endsWith("/") && resource.isReadable()) {
                files.put(URLDecoder.decode(url.substring(rootUrl.length()), StandardCharsets.UTF_8), resource);
            }
        }
        Path extracted = runtime.pycacheDirectory().resolve("classpath");
        Path target = extracted.resolve(hash(files));
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(extracted);
        // Written aside and renamed into place, so that a folder under its final name is always complete, even
        // with several JVMs starting at once.
        Path staging = Files.createTempDirectory(extracted, target.getFileName() + ".");
        try {
            for (Map.Entry<String, Resource> entry : files.entrySet()) {
                Path file = staging.resolve(entry.getKey()).normalize();
                if (!file.startsWith(staging)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = entry.getValue().getInputStream()) {
                    Files.copy(in, file);
                }
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            delete(staging);
            if (!Files.isDirectory(target)) {
                throw ex;
            }
            // Another JVM extracted the same files meanwhile.
        }
        return target;
    }

    private static String hash(Map<String, Resource> files) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform has SHA-256", ex);
        }
        byte[] buffer = new byte[8192];
        for (Map.Entry<String, Resource> file : files.entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = file.getValue().getInputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        catch (IOException ex) {
            logger.debug("Could not delete the partly extracted Python files in {}", directory, ex);
        }
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    /** Note when shutdown began: the event comes before the lifecycle's phases, graceful shutdown among them. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        // A child context, such as actuator's on a port of its own, may close alone: only this one counts.
        if (event.getApplicationContext() == context && closingSince == null) {
            closingSince = System.nanoTime();
        }
    }

    @Override
    public synchronized void destroy() {
        Long since = closingSince;
        long deadline = (since != null ? since : System.nanoTime()) + shutdownGrace.toNanos();
        for (PythonApplication application : started.values()) {
            application.close(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)));
        }
    }
}
