package dev.gatewayinterface.it;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Read one Kubernetes manifest of docs/deploy/kubernetes as plain YAML, and walk it by path, so that the tests can
 * assert the fields that matter and run the image the way the Deployment does.
 *
 * @param document the parsed document
 */
record Manifest(Map<String, Object> document) {

    static Manifest of(String file) {
        try (Reader reader = Files.newBufferedReader(ItPaths.deploy("kubernetes/" + file))) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalStateException(file + " is not one YAML mapping");
            }
            return new Manifest(cast(map));
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not read " + file, ex);
        }
    }

    /**
     * Return the value at a path of keys and list indexes, such as {@code spec.template.spec.containers.0.name}.
     * @throws IllegalStateException naming the path when nothing is there
     */
    Object at(String path) {
        Object current = document;
        for (String step : path.split("\\.")) {
            if (current instanceof Map<?, ?> map && map.containsKey(step)) {
                current = map.get(step);
            }
            else if (current instanceof List<?> list && step.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(step) < list.size()) {
                current = list.get(Integer.parseInt(step));
            }
            else {
                throw new IllegalStateException("Nothing at " + path + " (stopped at " + step + ")");
            }
        }
        return current;
    }

    String text(String path) {
        return String.valueOf(at(path));
    }

    /** Return the value of one key of this mapping as text: for keys with dots, such as annotations. */
    String key(String key) {
        if (!document.containsKey(key)) {
            throw new IllegalStateException("No key " + key);
        }
        return String.valueOf(document.get(key));
    }

    /** Return a mapping at a path. */
    Manifest map(String path) {
        return new Manifest(cast((Map<?, ?>) at(path)));
    }

    /** Return the environment of a container as name/value pairs, in order. */
    Map<String, String> environment(String containerPath) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object entry : (List<?>) at(containerPath + ".env")) {
            Map<?, ?> variable = (Map<?, ?>) entry;
            environment.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
