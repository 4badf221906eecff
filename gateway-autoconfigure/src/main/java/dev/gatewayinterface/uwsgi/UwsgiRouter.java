package dev.gatewayinterface.uwsgi;

import dev.gatewayinterface.engine.Gateway;

/**
 * Find the mounted application of a uwsgi request's path, the same mounts the HTTP bindings serve.
 */
@FunctionalInterface
public interface UwsgiRouter {

    /**
     * Find the application of a path.
     * @param rawPath the path below the proxy's {@code SCRIPT_NAME}, percent-encoded
     * @return the route, or {@code null} when no application is mounted there
     */
    Route route(String rawPath);

    /**
     * Carry the application a path reaches and the path's split at its mount.
     *
     * @param gateway the lifecycle serving the application
     * @param rawMountPath the raw path of the mount, {@code ""} at the root
     * @param rawPathInfo the raw rest of the path, {@code ""} or starting with {@code /}
     */
    record Route(Gateway gateway, String rawMountPath, String rawPathInfo) {
    }
}
