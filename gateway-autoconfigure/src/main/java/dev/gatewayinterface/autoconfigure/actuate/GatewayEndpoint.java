package dev.gatewayinterface.autoconfigure.actuate;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.middleware.Middleware;
import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.MountStatistics;
import dev.gatewayinterface.mount.Mounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Describe what the gateway serves, at {@code /actuator/gateway}: every mount with its path, application,
 * middleware chain, request counts and the details {@link GatewayEndpointContributor} beans add, and the sections that
 * apply to the running stack only — the reactive executor's load on WebFlux, none on Spring MVC, whose applications
 * run on the server's own request threads — and the listeners that serve the mounts beside the web server, such as
 * the uwsgi listener.
 */
@Endpoint(id = "gateway")
public class GatewayEndpoint {

    private final Mounts mounts;

    private final String stack;

    private final Supplier<Map<String, Object>> executor;

    private final List<GatewayEndpointContributor> contributors;

    private final List<GatewayListener> listeners;

    /**
     * Create the endpoint.
     * @param mounts the mounted applications
     * @param stack {@code "servlet"} or {@code "reactive"}
     * @param executor the figures of the executor that runs the applications, or {@code null} where they run on the
     *     server's own threads, and the description has no executor section
     * @param contributors add details to each mount, in this order
     */
    public GatewayEndpoint(Mounts mounts, String stack, Supplier<Map<String, Object>> executor,
            List<GatewayEndpointContributor> contributors) {
        this(mounts, stack, executor, contributors, List.of());
    }

    /**
     * Create the endpoint, with the listeners that serve the mounts beside the web server.
     * @param mounts the mounted applications
     * @param stack {@code "servlet"} or {@code "reactive"}
     * @param executor the figures of the executor that runs the applications, or {@code null} where they run on the
     *     server's own threads, and the description has no executor section
     * @param contributors add details to each mount, in this order
     * @param listeners the other listeners serving the mounts, such as the uwsgi listener
     */
    public GatewayEndpoint(Mounts mounts, String stack, Supplier<Map<String, Object>> executor,
            List<GatewayEndpointContributor> contributors, List<GatewayListener> listeners) {
        this.mounts = mounts;
        this.stack = stack;
        this.executor = executor;
        this.contributors = List.copyOf(contributors);
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Describe the mounts.
     * @return the description
     */
    @ReadOperation
    public GatewayDescriptor gateway() {
        List<MountDescriptor> described = new ArrayList<>();
        for (Mount mount : mounts.all()) {
            described.add(describe(mount));
        }
        Map<String, Object> listening = new LinkedHashMap<>();
        listeners.forEach(listener -> listening.put(listener.name(), listener.state()));
        return executor == null ? new ServerThreadsDescriptor(stack, described, listening)
                : new ExecutorDescriptor(stack, described, executor.get(), listening);
    }

    private MountDescriptor describe(Mount mount) {
        List<String> middleware = new ArrayList<>();
        boolean validated = false;
        Application application = mount.gateway().application();
        while (application instanceof Middleware wrapper) {
            middleware.add(wrapper.getClass().getName());
            validated |= wrapper instanceof ContractValidator;
            application = wrapper.next();
        }
        MountStatistics statistics = mount.statistics();
        return new MountDescriptor(mount.name(), mount.path(), mount.pattern(), describe(application),
                middleware, validated, new RequestCounts(statistics.total(), statistics.active(), statistics.failed(),
                        statistics.clientAborts()), details(mount.name()));
    }

    private Map<String, Object> details(String mount) {
        Map<String, Object> details = new LinkedHashMap<>();
        contributors.forEach(contributor -> details.putAll(contributor.details(mount)));
        return details;
    }

    /**
     * Name an application's class, or for a lambda ({@code MyApp$$Lambda/0x0000...}, a hidden class whose name
     * changes with every build) the class that declares it.
     */
    static String describe(Application application) {
        Class<?> type = application.getClass();
        String name = type.getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : "lambda in " + name.substring(0, lambda);
    }

    /**
     * Describe the gateway: the stack, its mounts, and the sections that apply to the stack.
     */
    public sealed interface GatewayDescriptor permits ServerThreadsDescriptor, ExecutorDescriptor {

        /**
         * Return the web stack serving the mounts.
         * @return {@code "servlet"} or {@code "reactive"}
         */
        String stack();

        /**
         * Return the mounts.
         * @return the mounts, deepest first
         */
        List<MountDescriptor> mounts();

        /**
         * Return the figures of each listener serving the mounts beside the web server.
         * @return the listeners' figures by name; empty if none
         */
        Map<String, Object> listeners();
    }

    /**
     * Describe a gateway whose applications run on the server's own threads, as on Spring MVC: no executor section.
     *
     * @param stack the web stack serving the mounts
     * @param mounts the mounts, deepest first
     * @param listeners the figures of each listener serving the mounts beside the web server, by name
     */
    public record ServerThreadsDescriptor(String stack, List<MountDescriptor> mounts, Map<String, Object> listeners)
            implements GatewayDescriptor {
    }

    /**
     * Describe a gateway whose applications run on an executor of its own, as on WebFlux.
     *
     * @param stack the web stack serving the mounts
     * @param mounts the mounts, deepest first
     * @param executor the executor's figures
     * @param listeners the figures of each listener serving the mounts beside the web server, by name
     */
    public record ExecutorDescriptor(String stack, List<MountDescriptor> mounts, Map<String, Object> executor,
            Map<String, Object> listeners) implements GatewayDescriptor {
    }

    /**
     * Describe one mount.
     *
     * @param name the application's name
     * @param path the mount path
     * @param pattern the route pattern, as metrics tag it
     * @param application the application's class
     * @param middleware the middleware around it, outermost first
     * @param validated whether the contract validator checks its requests
     * @param requests its request counts
     * @param details what {@link GatewayEndpointContributor} beans add, such as a Python application's pool; empty
     *     if nothing
     */
    public record MountDescriptor(String name, String path, String pattern, String application, List<String> middleware,
            boolean validated, RequestCounts requests, Map<String, Object> details) {
    }

    /**
     * Count a mount's requests since startup.
     *
     * @param total requests received
     * @param active requests in progress
     * @param failed requests whose application failed
     * @param clientAborts requests whose client went away
     */
    public record RequestCounts(long total, long active, long failed, long clientAborts) {
    }
}
