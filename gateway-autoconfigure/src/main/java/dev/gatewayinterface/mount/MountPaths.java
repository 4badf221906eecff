package dev.gatewayinterface.mount;

import java.util.List;

/**
 * Check and normalise mount paths: {@code "/"}, or literal segments separated by single slashes.
 */
public final class MountPaths {

    private MountPaths() {
    }

    /**
     * Return the normal form of a mount path: a trailing slash dropped, {@code "/"} for the root.
     * @param path the configured path
     * @return the normal path
     * @throws IllegalArgumentException naming the rule and the value, if the path is not a valid mount
     */
    public static String normalize(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A mount path must start with '/', not '" + path + "'");
        }
        if (path.contains("//")) {
            throw new IllegalArgumentException("A mount path must not contain an empty segment: '" + path + "'");
        }
        String normal = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (c == '*' || c == '?' || c == '{' || c == '}' || c == '%' || c == ';' || c == '\\' || c <= ' ') {
                throw new IllegalArgumentException("A mount path is literal: '" + c + "' is not allowed in '" + path + "'");
            }
        }
        for (String segment : segments(normal)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("A mount path must not contain '.' or '..' segments: '" + path + "'");
            }
        }
        return normal;
    }

    static List<String> segments(String normalPath) {
        return normalPath.equals("/") ? List.of() : List.of(normalPath.substring(1).split("/"));
    }
}
