package dev.gatewayinterface.mount;

import dev.gatewayinterface.engine.Gateway;
import java.util.List;
import java.util.Objects;

/**
 * Place one application at a path: a bean name, the mount path, and the {@link Gateway} that serves it.
 *
 * @param name the name of the application, its bean name for Java applications
 * @param path the mount path: {@code "/"} or a path of literal segments without a trailing slash
 * @param gateway the lifecycle serving the application
 * @param statistics the mount's request counts, which the gateway's observer must feed
 */
public record Mount(String name, String path, Gateway gateway, MountStatistics statistics) {

    /**
     * Create a mount, checking its path.
     * @param name the application's name
     * @param path the mount path
     * @param gateway the lifecycle serving the application
     * @param statistics the mount's request counts
     */
    public Mount {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(gateway, "gateway must not be null");
        Objects.requireNonNull(statistics, "statistics must not be null");
        path = MountPaths.normalize(path);
    }

    /**
     * Create a mount whose statistics nothing feeds, for tests and hand-made tables.
     * @param name the application's name
     * @param path the mount path
     * @param gateway the lifecycle serving the application
     */
    public Mount(String name, String path, Gateway gateway) {
        this(name, path, gateway, new MountStatistics());
    }

    /**
     * Return the decoded segments of the mount path; none for the root.
     * @return the segments
     */
    public List<String> segments() {
        return MountPaths.segments(path);
    }

    /**
     * Return the path pattern that describes this mount, for routing metadata and metrics.
     * @return {@code "/**"} at the root, else the path followed by {@code "/**"}
     */
    public String pattern() {
        return path.equals("/") ? "/**" : path + "/**";
    }
}
