package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.engine.GatewayOptions;
import dev.gatewayinterface.engine.RequestLimits;
import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.middleware.ContractViolationException;
import dev.gatewayinterface.mount.InFlightRequests;
import dev.gatewayinterface.mount.MountStatistics;
import dev.gatewayinterface.mount.RequestObservers;
import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.util.unit.DataSize;

/**
 * Turn {@code Application} beans and {@code gateway.apps.*} properties into mounts, failing with a message
 * that names the beans and the properties to change when they do not fit together.
 */
final class MountResolver {

    private final GatewayProperties properties;

    private final List<MountInstrumentation> instrumentations;

    private final MountMiddleware middleware;

    private final InFlightRequests inFlight;

    private final RequestLimits limits;

    MountResolver(GatewayProperties properties, List<MountInstrumentation> instrumentations, MountMiddleware middleware,
            InFlightRequests inFlight, RequestLimits limits) {
        this.properties = properties;
        this.instrumentations = instrumentations;
        this.middleware = middleware;
        this.inFlight = inFlight;
        this.limits = limits;
    }

    Mounts resolve(Map<String, Application> beans, List<MountDefinition> definitions) {
        checkEnviron(properties.getEnviron(), "gateway.environ.");
        Map<String, MountDefinition> applications = new LinkedHashMap<>();
        beans.forEach((name, application) -> applications.put(name, new MountDefinition(name, null, application, Map.of())));
        for (MountDefinition definition : definitions) {
            if (applications.putIfAbsent(definition.name(), definition) != null) {
                throw new InvalidMountsException("Two applications are named '" + definition.name() + "'",
                        "Rename the Application bean or the application configured under that name.");
            }
            checkEnviron(definition.environ(), "the environ of " + definition.name() + ": ");
        }
        checkConfiguredNames(applications);
        Map<String, List<String>> namesByPath = new LinkedHashMap<>();
        List<Mount> mounts = new ArrayList<>();
        applications.forEach((name, definition) -> {
            GatewayProperties.App app = properties.getApps().get(name);
            if (app != null && !app.isEnabled()) {
                return;
            }
            String path = app != null && app.getPath() != null ? app.getPath()
                    : definition.path() != null ? definition.path() : "/";
            MountStatistics statistics = new MountStatistics();
            boolean validate = app != null && app.getValidate() != null ? app.getValidate() : properties.isValidate();
            Application wrapped = middleware.wrap(name, app != null ? app.getMiddleware() : null, definition.application());
            Application served = validate ? new ContractValidator(wrapped, violationListener(name)) : wrapped;
            GatewayOptions options = options(name, definition.environ()).withObserver(observer(name, statistics))
                .withStrictPaths(properties.getPaths().isStrict())
                .withTrustedProxies(properties.getProxy().trustedProxies())
                .withLimits(limits(name, app));
            Mount mount = new Mount(name, path, new Gateway(served, options), statistics);
            namesByPath.computeIfAbsent(mount.path(), key -> new ArrayList<>()).add(name);
            mounts.add(mount);
        });
        namesByPath.forEach((path, names) -> {
            if (names.size() > 1) {
                throw new InvalidMountsException(
                        "Several Application beans would be mounted at '" + path + "': " + String.join(", ", names),
                        "Give each its own mount with gateway.apps.<bean-name>.path, or leave one out with "
                                + "gateway.apps.<bean-name>.enabled=false. Beans without a path mount at '/'.");
            }
        });
        return new Mounts(mounts);
    }

    /** Return the limits of one mount: the global ones, with its own body limit when it has one. */
    private RequestLimits limits(String name, GatewayProperties.App app) {
        DataSize own = app != null ? app.getLimits().getMaxRequestBody() : null;
        return own == null ? limits
                : limits.withMaxRequestBody(own.toBytes(), "gateway.apps." + name + ".limits.max-request-body");
    }

    private RequestObserver observer(String name, MountStatistics statistics) {
        List<RequestObserver> observers = new ArrayList<>();
        observers.add(statistics);
        observers.add(inFlight.observer(name));
        instrumentations.forEach(instrumentation -> observers.add(instrumentation.requestObserver(name)));
        return RequestObservers.of(observers);
    }

    private Consumer<ContractViolationException> violationListener(String name) {
        List<Consumer<ContractViolationException>> listeners = instrumentations.stream()
            .map(instrumentation -> instrumentation.violationListener(name))
            .toList();
        return violation -> listeners.forEach(listener -> listener.accept(violation));
    }

    private GatewayOptions options(String name, Map<String, String> ownEnviron) {
        Map<String, String> environ = properties.getEnviron();
        if (!ownEnviron.isEmpty()) {
            environ = new LinkedHashMap<>(environ);
            environ.putAll(ownEnviron);
        }
        return new GatewayOptions(name, properties.getHeaders().getUnderscores(), environ);
    }

    private void checkConfiguredNames(Map<String, MountDefinition> applications) {
        for (String name : properties.getApps().keySet()) {
            if (!applications.containsKey(name)) {
                throw new InvalidMountsException(
                        "gateway.apps." + name + " configures no Application bean; the Application beans are "
                                + new TreeSet<>(applications.keySet()),
                        "Use the bean name of an Application bean after gateway.apps., or remove the property.");
            }
        }
    }

    private static void checkEnviron(Map<String, String> environ, String source) {
        environ.forEach((key, value) -> {
            if (!isLatin1(key)) {
                throw new InvalidMountsException("The environ key " + source + key + " holds a character above U+00FF",
                        "Environ keys are native strings (one char per byte); use ASCII names.");
            }
            if (!isLatin1(value)) {
                throw new InvalidMountsException(
                        source + key + " holds a character above U+00FF: '" + value + "'",
                        "Environ keys and values are native strings (one char per byte); percent-encode the value.");
            }
        });
    }

    private static boolean isLatin1(String text) {
        return text.chars().allMatch(c -> c <= 0xFF);
    }
}
