package dev.gatewayinterface.middleware.routing;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.middleware.Paths;
import dev.gatewayinterface.middleware.PlainText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Send each request to the application mounted at the longest prefix of its path, as Werkzeug's
 * {@code DispatcherMiddleware} does, moving the prefix from {@code PATH_INFO} to the end of {@code SCRIPT_NAME}
 * exactly: a request for {@code /api/users} to an application mounted at {@code /api} reaches it with
 * {@code SCRIPT_NAME} {@code "…/api"} and {@code PATH_INFO} {@code "/users"}, and {@code /api} itself with
 * {@code PATH_INFO} {@code ""}. Prefixes match whole segments only, so {@code /ab} does not reach {@code /a}.
 *
 * <p>A path under no prefix goes to the fallback application, which is {@link #notFound()} unless given.
 * Prefixes are written as text ({@code "/café"}) and compared with the decoded path (docs/SPEC.md §2); like
 * every middleware after the server's split, this one sees an encoded {@code %2F} as a {@code /}.
 */
public final class Dispatcher implements Application {

    private final Map<String, Application> mounts;

    private final Application fallback;

    /**
     * Dispatch to the given mounts, answering 404 for any other path.
     * @param mounts prefix to application; a prefix starts with {@code /} and has neither empty segments nor a
     *     trailing slash
     */
    public Dispatcher(Map<String, ? extends Application> mounts) {
        this(mounts, notFound());
    }

    /**
     * Dispatch to the given mounts, sending any other path to the fallback, unchanged.
     * @param mounts prefix to application, as for {@link #Dispatcher(Map)}
     * @param fallback the application for paths under no prefix
     * @throws IllegalArgumentException if a prefix is malformed, quoting it
     */
    public Dispatcher(Map<String, ? extends Application> mounts, Application fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback must not be null");
        Map<String, Application> checked = new LinkedHashMap<>();
        mounts.forEach((prefix, application) -> {
            if (prefix == null || !prefix.matches("(/[^/]+)+")) {
                throw new IllegalArgumentException("A Dispatcher prefix starts with '/' and has neither empty segments "
                        + "nor a trailing slash, not \"" + prefix + "\"");
            }
            checked.put(Paths.toNative(prefix), Objects.requireNonNull(application, "application for " + prefix));
        });
        this.mounts = Map.copyOf(checked);
    }

    /**
     * Return an application that answers every request with a plain 404.
     * @return the application
     */
    public static Application notFound() {
        return (environ, startResponse) -> PlainText.respond(environ, startResponse, "404 Not Found");
    }

    /**
     * Return the application for paths under no prefix. A dispatcher chooses among applications, so it is no
     * {@code Middleware}: tools that walk a chain of middleware stop at it.
     * @return the fallback
     */
    public Application fallback() {
        return fallback;
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String pathInfo = (String) environ.getOrDefault(Environ.PATH_INFO, "");
        // Try the whole path, then drop one segment at a time: the first hit is the longest prefix.
        for (int end = pathInfo.length(); end > 0; end = pathInfo.lastIndexOf('/', end - 1)) {
            Application application = mounts.get(pathInfo.substring(0, end));
            if (application != null) {
                environ.put(Environ.SCRIPT_NAME, environ.getOrDefault(Environ.SCRIPT_NAME, "") + pathInfo.substring(0, end));
                environ.put(Environ.PATH_INFO, pathInfo.substring(end));
                return application.call(environ, startResponse);
            }
        }
        return fallback.call(environ, startResponse);
    }

    @Override
    public String toString() {
        return "Dispatcher" + mounts.keySet();
    }
}
