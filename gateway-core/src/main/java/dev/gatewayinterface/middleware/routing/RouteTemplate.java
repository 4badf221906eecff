package dev.gatewayinterface.middleware.routing;

import dev.gatewayinterface.middleware.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Match a path against a template of literal segments and captures: {@code /users/{id}} captures one non-empty
 * segment as {@code id}, {@code {}} one segment by position, and a last segment {@code {*path}} (or {@code {*}})
 * the rest of the path, zero or more segments, with its leading slash, as Spring's {@code PathPattern} does.
 *
 * <p>Templates are text ({@code /café/{name}}); paths are native strings (docs/SPEC.md §2). Captured values are
 * given back as text, their bytes read as UTF-8.
 */
final class RouteTemplate {

    private final String template;

    private final String[] segments;

    private final boolean rest;

    RouteTemplate(String template) {
        if (template == null || !template.startsWith("/")) {
            throw invalid(template, "starts with '/'");
        }
        this.template = template;
        String[] parts = template.substring(1).split("/", -1);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean capture = part.startsWith("{") && part.endsWith("}");
            String name = capture ? part.substring(1, part.length() - 1) : "";
            if (name.startsWith("*") && i < parts.length - 1) {
                throw invalid(template, "has {*...} as its last segment only");
            }
            String bare = name.startsWith("*") ? name.substring(1) : name;
            if (capture && !bare.isEmpty() && (!bare.matches("[A-Za-z_][A-Za-z0-9_]*") || !names.add(bare))) {
                throw invalid(template, "names each capture once, as an identifier");
            }
            if (!capture && (part.contains("{") || part.contains("}"))) {
                throw invalid(template, "has braces only around a whole segment");
            }
            parts[i] = capture ? part : Paths.toNative(part);
        }
        this.rest = parts[parts.length - 1].startsWith("{*");
        this.segments = parts;
    }

    private static IllegalArgumentException invalid(String template, String rule) {
        return new IllegalArgumentException("A route template " + rule + ", not \"" + template + "\"");
    }

    /**
     * Match a path.
     * @param pathInfo a native {@code PATH_INFO}
     * @param positional where to add the values of unnamed captures, in order
     * @param named where to put the values of named captures
     * @return whether the path matched; the collections are changed only if it did
     */
    boolean match(String pathInfo, List<String> positional, Map<String, String> named) {
        String[] parts = pathInfo.isEmpty() ? new String[0] : pathInfo.substring(1).split("/", -1);
        int fixed = rest ? segments.length - 1 : segments.length;
        if (!pathInfo.isEmpty() && !pathInfo.startsWith("/") || (rest ? parts.length < fixed : parts.length != fixed)) {
            return false;
        }
        List<String> values = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < fixed; i++) {
            String segment = segments[i];
            if (!segment.startsWith("{")) {
                if (!segment.equals(parts[i])) {
                    return false;
                }
            }
            else if (parts[i].isEmpty()) {
                return false;
            }
            else {
                capture(segment, Paths.fromNative(parts[i]), values, names);
            }
        }
        if (rest) {
            int consumed = 0;
            for (int i = 0; i < fixed; i++) {
                consumed += 1 + parts[i].length();
            }
            capture(segments[fixed], Paths.fromNative(pathInfo.substring(Math.min(consumed, pathInfo.length()))), values, names);
        }
        positional.addAll(values);
        named.putAll(names);
        return true;
    }

    private static void capture(String segment, String value, List<String> values, Map<String, String> names) {
        String name = segment.substring(segment.startsWith("{*") ? 2 : 1, segment.length() - 1);
        if (name.isEmpty()) {
            values.add(value);
        }
        else {
            names.put(name, value);
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
