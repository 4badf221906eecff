package dev.gatewayinterface.middleware.routing;

import dev.gatewayinterface.Application;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collect the routes of a {@link Router}, in the order they are tried.
 */
public final class RouterBuilder {

    private final List<Router.Route> routes = new ArrayList<>();

    private TrailingSlash trailingSlash = TrailingSlash.REDIRECT;

    private Application fallback = Dispatcher.notFound();

    RouterBuilder() {
    }

    /**
     * Add a route.
     * @param method the method it answers, as sent ({@code "GET"}), or {@link Router#ANY_METHOD}
     * @param template the path template, such as {@code /users/{id}}
     * @param application the application that answers it
     * @return this builder
     * @throws IllegalArgumentException if the method is not an HTTP token or the template is malformed, quoting it
     */
    public RouterBuilder route(String method, String template, Application application) {
        if (method == null || !(method.equals(Router.ANY_METHOD) || method.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"))) {
            throw new IllegalArgumentException("A route's method is an HTTP token or \"*\", not \"" + method + "\"");
        }
        routes.add(new Router.Route(method, new RouteTemplate(template),
                Objects.requireNonNull(application, "application for " + method + " " + template)));
        return this;
    }

    /**
     * Add a {@code GET} route, which answers {@code HEAD} too.
     * @param template the path template
     * @param application the application
     * @return this builder
     */
    public RouterBuilder get(String template, Application application) {
        return route("GET", template, application);
    }

    /**
     * Add a {@code POST} route.
     * @param template the path template
     * @param application the application
     * @return this builder
     */
    public RouterBuilder post(String template, Application application) {
        return route("POST", template, application);
    }

    /**
     * Set what happens to a path that matches only with its trailing slash added or taken away.
     * @param policy the policy; {@link TrailingSlash#REDIRECT} unless set
     * @return this builder
     */
    public RouterBuilder trailingSlash(TrailingSlash policy) {
        this.trailingSlash = Objects.requireNonNull(policy, "trailing slash policy must not be null");
        return this;
    }

    /**
     * Set the application for paths no route matches, such as the application this router is middleware for.
     * @param application the fallback; a plain 404 unless set
     * @return this builder
     */
    public RouterBuilder fallback(Application application) {
        this.fallback = Objects.requireNonNull(application, "fallback must not be null");
        return this;
    }

    /**
     * Build the router.
     * @return a router with the routes added so far
     */
    public Router build() {
        return new Router(routes, trailingSlash, fallback);
    }
}
