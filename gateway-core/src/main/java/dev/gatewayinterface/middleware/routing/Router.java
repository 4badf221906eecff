package dev.gatewayinterface.middleware.routing;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.middleware.Paths;
import dev.gatewayinterface.middleware.PlainText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Send each request to the application of the first route whose method and path template match it, with the
 * captured values in {@link RoutingArgs} under {@code wsgiorg.routing_args}. Routes are tried in the order they
 * were added.
 *
 * <p>A path no route matches goes to the fallback application, a plain 404 unless given. A path some route
 * matches, but for other methods, is answered {@code 405 Method Not Allowed} with {@code Allow} listing them. A
 * {@code GET} route answers {@code HEAD} too, unless a {@code HEAD} route comes first. A path that matches only
 * with its trailing slash added or taken away is handled by the {@link TrailingSlash} policy, a 308 redirect by
 * default. The router leaves {@code SCRIPT_NAME} and {@code PATH_INFO} as they are; mount applications below a
 * prefix with a {@link Dispatcher}.
 *
 * <pre>{@code
 * Router router = Router.builder()
 *     .get("/users/{id}", showUser)     // RoutingArgs.of(environ).get("id")
 *     .post("/users", createUser)
 *     .route("*", "/files/{*path}", files)
 *     .build();
 * }</pre>
 */
public final class Router implements Application {

    /** The method of a route that answers every method. */
    public static final String ANY_METHOD = "*";

    /** One route: a method (or {@link #ANY_METHOD}), a template and the application that answers it. */
    record Route(String method, RouteTemplate template, Application application) {
    }

    private final List<Route> routes;

    private final TrailingSlash trailingSlash;

    private final Application fallback;

    Router(List<Route> routes, TrailingSlash trailingSlash, Application fallback) {
        this.routes = List.copyOf(routes);
        this.trailingSlash = Objects.requireNonNull(trailingSlash, "trailingSlash must not be null");
        this.fallback = Objects.requireNonNull(fallback, "fallback must not be null");
    }

    /**
     * Start building a router.
     * @return a builder with no routes, {@link TrailingSlash#REDIRECT} and a 404 fallback
     */
    public static RouterBuilder builder() {
        return new RouterBuilder();
    }

    /**
     * Return the application for paths no route matches. A router chooses among applications, so it is no
     * {@code Middleware}: tools that walk a chain of middleware stop at it.
     * @return the fallback
     */
    public Application fallback() {
        return fallback;
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String method = (String) environ.get(Environ.REQUEST_METHOD);
        String path = (String) environ.getOrDefault(Environ.PATH_INFO, "");
        Match match = find(method, path);
        String twin = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        if (match == null && trailingSlash != TrailingSlash.STRICT) {
            if (trailingSlash == TrailingSlash.REDIRECT && !allowed(twin).isEmpty() && allowed(path).isEmpty()) {
                return PlainText.respond(environ, startResponse, "308 Permanent Redirect",
                        new Header("Location", location(environ, twin)));
            }
            match = trailingSlash == TrailingSlash.MATCH && allowed(path).isEmpty() ? find(method, twin) : null;
        }
        if (match != null) {
            environ.put(RoutingArgs.ENVIRON_KEY, RoutingArgs.of(environ).plus(match.positional(), match.named()));
            return match.route().application().call(environ, startResponse);
        }
        Set<String> allowed = allowed(path);
        if (allowed.isEmpty() && trailingSlash == TrailingSlash.MATCH) {
            // The other form is the same resource under this policy, so its methods are the ones allowed here.
            allowed = allowed(twin);
        }
        if (allowed.isEmpty()) {
            return fallback.call(environ, startResponse);
        }
        return PlainText.respond(environ, startResponse, "405 Method Not Allowed",
                new Header("Allow", String.join(", ", allowed)));
    }

    private record Match(Route route, List<String> positional, Map<String, String> named) {
    }

    /** Return the first route for a method and path, with its captures; a GET route answers HEAD. */
    private Match find(String method, String path) {
        for (Route route : routes) {
            List<String> positional = new ArrayList<>();
            Map<String, String> named = new LinkedHashMap<>();
            if (answers(route.method(), method) && route.template().match(path, positional, named)) {
                return new Match(route, positional, named);
            }
        }
        return "HEAD".equals(method) ? find("GET", path) : null;
    }

    private static boolean answers(String routeMethod, String method) {
        return routeMethod.equals(ANY_METHOD) || routeMethod.equals(method);
    }

    /** Return the methods the routes for a path answer, with HEAD after GET; any method for a catch-all. */
    private Set<String> allowed(String path) {
        Set<String> methods = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.template().match(path, new ArrayList<>(), new LinkedHashMap<>())) {
                methods.add(route.method());
                if (route.method().equals("GET")) {
                    methods.add("HEAD");
                }
            }
        }
        return methods;
    }

    private static String location(Map<String, Object> environ, String path) {
        String query = (String) environ.getOrDefault(Environ.QUERY_STRING, "");
        String target = Paths.quote(environ.getOrDefault(Environ.SCRIPT_NAME, "") + path, "/;=,");
        return (target.isEmpty() ? "/" : target) + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return "Router" + routes.stream().map(route -> route.method() + " " + route.template()).toList();
    }
}
