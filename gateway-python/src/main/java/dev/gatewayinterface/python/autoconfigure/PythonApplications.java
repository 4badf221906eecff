package dev.gatewayinterface.python.autoconfigure;

import dev.gatewayinterface.autoconfigure.MountDefinition;
import dev.gatewayinterface.python.PythonApplication;
import dev.gatewayinterface.python.PythonApplicationConfig;
import dev.gatewayinterface.python.PythonPoolState;
import dev.gatewayinterface.python.PythonRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Start the applications of {@code gateway.python.apps.*} as they are mounted, all in one {@link PythonRuntime},
 * and stop them when the application context closes, before the runtime.
 */
final class PythonApplications implements DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(PythonApplications.class);

    private static final String CLASSPATH = "classpath:";

    private final GatewayPythonProperties properties;

    private final ResourcePatternResolver resources;

    private final Map<String, PythonApplication> started = new LinkedHashMap<>();

    private final List<Path> copies = new ArrayList<>();

    private final PythonRuntime runtime;

    private final Duration shutdownGrace;

    private final List<String> mounted;

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
        if (app.getApp() == null) {
            throw new IllegalStateException("gateway.python.apps." + name + ".app is not set: name the WSGI "
                    + "application to serve, such as 'app:app' for the object 'app' of the module 'app'");
        }
        List<Path> pythonPath = new ArrayList<>();
        for (String entry : app.getPythonPath()) {
            pythonPath.add(directory(name, entry));
        }
        PythonApplication application = PythonApplication.start(runtime,
                new PythonApplicationConfig(name, app.getApp(), pythonPath, app.getPoolSize(), app.getAcquireTimeout(),
                        app.getTimeout()));
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

    /** Return a python-path entry as a directory, copying a class path location out of its jar if need be. */
    private Path directory(String name, String entry) {
        if (!entry.startsWith(CLASSPATH)) {
            return Path.of(entry);
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
            return copy(root, location);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + entry + " for gateway.python.apps." + name, ex);
        }
    }

    private Path copy(Resource root, String location) throws IOException {
        Path target = Files.createTempDirectory("gateway-python-");
        copies.add(target);
        String rootUrl = root.getURL().toString();
        for (Resource resource : resources.getResources(location + "**")) {
            String url = resource.getURL().toString();
            if (!url.startsWith(rootUrl) || url.endsWith("/") || !resource.isReadable()) {
                continue;
            }
            Path file = target.resolve(URLDecoder.decode(url.substring(rootUrl.length()), StandardCharsets.UTF_8))
                .normalize();
            if (!file.startsWith(target)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, file);
            }
        }
        return target;
    }

    @Override
    public synchronized void destroy() {
        for (PythonApplication application : started.values()) {
            application.close(shutdownGrace);
        }
        for (Path copy : copies) {
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
            catch (IOException ex) {
                logger.debug("Could not delete the copied Python files in {}", copy, ex);
            }
        }
    }
}
