package dev.gatewayinterface.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Fail startup on a key under a settings prefix that no setting reads — {@code gateway.apps.hello.pth},
 * {@code gateway.valdate} — which Spring Boot would otherwise ignore, leaving the user to wonder why nothing
 * changed. The report names the key, where it was set, and the nearest key that exists.
 */
public final class UnknownProperties {

    private final String prefix;

    private final List<String> templates;

    private final Map<String, String> elsewhere;

    /**
     * Describe the keys one {@code @ConfigurationProperties} class reads.
     * @param prefix the class's prefix, such as {@code "gateway"}
     * @param type the class
     * @param elsewhere prefixes below this one that another class reads: each maps to {@code ""} when that class is
     *     present (its own check covers them), else to the hint to give for its keys, such as which module to add
     */
    public UnknownProperties(String prefix, Class<?> type, Map<String, String> elsewhere) {
        this.prefix = prefix;
        this.templates = new ArrayList<>(PropertyTemplates.of(prefix, type));
        this.elsewhere = elsewhere;
    }

    /**
     * Add the keys another {@code @ConfigurationProperties} class reads below this prefix, such as a module's.
     * @param prefix the class's prefix, below this one
     * @param type the class
     * @return this check
     */
    public UnknownProperties and(String prefix, Class<?> type) {
        templates.addAll(PropertyTemplates.of(prefix, type));
        return this;
    }

    /**
     * Check every key of the environment below the prefix.
     * @param environment the application's environment
     * @throws UnknownPropertyException naming the first key no setting reads
     */
    public void check(Environment environment) {
        ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            for (ConfigurationPropertyName name : (Iterable<ConfigurationPropertyName>) iterable.stream()::iterator) {
                if (root.isAncestorOf(name) && !known(name)) {
                    throw unknown(name, iterable.getConfigurationProperty(name));
                }
            }
        }
    }

    private boolean known(ConfigurationPropertyName name) {
        for (Map.Entry<String, String> other : elsewhere.entrySet()) {
            if (other.getValue().isEmpty() && ConfigurationPropertyName.of(other.getKey()).isAncestorOf(name)) {
                return true;
            }
        }
        return templates.stream().anyMatch(template -> matches(template.split("\\."), name));
    }

    private static boolean matches(String[] template, ConfigurationPropertyName name) {
        for (int i = 0; i < template.length; i++) {
            if (template[i].equals("**")) {
                return name.getNumberOfElements() > i;
            }
            if (i >= name.getNumberOfElements()) {
                return false;
            }
            if (!template[i].equals("*") && !template[i].replace("-", "").equals(name.getElement(i, Form.UNIFORM))) {
                return false;
            }
        }
        return name.getNumberOfElements() == template.length;
    }

    private UnknownPropertyException unknown(ConfigurationPropertyName name, ConfigurationProperty property) {
        String where = property != null && property.getOrigin() != null ? " (set in " + property.getOrigin() + ")" : "";
        for (Map.Entry<String, String> other : elsewhere.entrySet()) {
            if (ConfigurationPropertyName.of(other.getKey()).isAncestorOf(name)) {
                return new UnknownPropertyException("The property '" + name + "'" + where + " is not read: "
                        + other.getValue(), "Add what it needs to the class path, or remove the property.");
            }
        }
        String nearest = nearest(name);
        return new UnknownPropertyException("The property '" + name + "'" + where + " is no setting of the gateway.",
                "Use '" + nearest + "' if that is what you meant, or remove the property. Every setting is listed in "
                        + "docs/SPEC.md §10.4 and in your IDE's completion.");
    }

    /** Return the existing key closest to the unknown one, with the user's map keys filled into the template. */
    private String nearest(ConfigurationPropertyName name) {
        String unknown = name.toString();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String template : templates) {
            String candidate = fill(template.split("\\."), name);
            int distance = distance(unknown, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static String fill(String[] template, ConfigurationPropertyName name) {
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < template.length; i++) {
            boolean wildcard = template[i].startsWith("*");
            elements.add(!wildcard ? template[i] : i < name.getNumberOfElements() ? name.getElement(i, Form.ORIGINAL)
                    : template[i].equals("*") ? "<name>" : "<key>");
        }
        return String.join(".", elements);
    }

    /** Count the single-char edits that turn one string into the other (Levenshtein). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
