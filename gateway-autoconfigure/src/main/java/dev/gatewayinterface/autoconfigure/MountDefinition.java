package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.mount.MountPaths;
import java.util.Map;
import java.util.Objects;

/**
 * Mount an application that is not itself an {@code Application} bean, such as one an integration builds
 * from its own properties. Declare it as a bean; it is mounted beside the {@code Application} beans, under
 * the same rules: {@code gateway.apps.<name>.*} applies to it, names and mount paths must be distinct.
 *
 * @param name the application's name, unique among mounted applications
 * @param path the default mount path, which {@code gateway.apps.<name>.path} overrides; {@code null} for "/"
 * @param application the application
 * @param environ environ pairs for this application only, added over {@code gateway.environ.*}
 */
public record MountDefinition(String name, String path, Application application, Map<String, String> environ) {

    /**
     * Create a definition, checking its path.
     * @param name the name
     * @param path the default mount path, or {@code null}
     * @param application the application
     * @param environ environ pairs for this application
     */
    public MountDefinition {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(application, "application must not be null");
        path = path == null ? null : MountPaths.normalize(path);
        environ = Map.copyOf(Objects.requireNonNull(environ, "environ must not be null"));
    }
}
