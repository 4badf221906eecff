package dev.gatewayinterface.mount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;

/**
 * Find the mount for a request path, longest mount path first, and split the raw path at it into the
 * raw {@code SCRIPT_NAME} tail and {@code PATH_INFO} (docs/SPEC.md §10).
 *
 * <p>Segments are compared decoded, so {@code /caf%C3%A9} reaches a mount at {@code /café}; the split is
 * made on the raw path's own separators, so an encoded {@code %2F} never moves it.
 */
public final class Mounts {

    private final List<Mount> mounts;

    /** The segments of each mount, in the order of {@link #mounts}, split once rather than per request. */
    private final String[][] segments;

    /**
     * Create the table.
     * @param mounts the mounts; their paths must be distinct
     * @throws IllegalArgumentException if two mounts share a path
     */
    public Mounts(List<Mount> mounts) {
        List<Mount> sorted = new ArrayList<>(mounts);
        sorted.sort(Comparator.comparingInt((Mount mount) -> mount.segments().size()).reversed());
        this.mounts = List.copyOf(sorted);
        this.segments = new String[sorted.size()][];
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Mount mount = sorted.get(i);
            if (!paths.add(mount.path())) {
                throw new IllegalArgumentException("Two mounts share the path '" + mount.path() + "'");
            }
            segments[i] = mount.segments().toArray(String[]::new);
        }
    }

    /**
     * Return every mount, deepest first.
     * @return the mounts
     */
    public List<Mount> all() {
        return mounts;
    }

    /**
     * Find the mount of a path.
     * @param pathWithinApplication the request path below the context path (and servlet path), parsed
     * @return the match, or {@code null} if no mount holds the path
     */
    public Match match(PathContainer pathWithinApplication) {
        List<Element> elements = pathWithinApplication.elements();
        for (int i = 0; i < segments.length; i++) {
            if (matches(elements, segments[i])) {
                int split = segments[i].length * 2;
                String rawMountPath = split == 0 ? "" : pathWithinApplication.subPath(0, split).value();
                String rawPathInfo = split == elements.size() ? "" : pathWithinApplication.subPath(split).value();
                return new Match(mounts.get(i), rawMountPath, rawPathInfo);
            }
        }
        return null;
    }

    private static boolean matches(List<Element> elements, String[] segments) {
        if (elements.size() < segments.length * 2) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (!(elements.get(2 * i) instanceof PathContainer.Separator)
                    || !(elements.get(2 * i + 1) instanceof PathSegment segment)
                    || !segment.valueToMatch().equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Carry the mount a request belongs to and its raw path split.
     *
     * @param mount the mount
     * @param rawMountPath the raw path of the mount within the application, {@code ""} at the root
     * @param rawPathInfo the raw rest of the path, {@code ""} or starting with {@code /}
     */
    public record Match(Mount mount, String rawMountPath, String rawPathInfo) {
    }
}
