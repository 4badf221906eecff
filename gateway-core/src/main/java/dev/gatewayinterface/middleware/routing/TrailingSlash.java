package dev.gatewayinterface.middleware.routing;

/**
 * Decide what a {@link Router} does with a path that matches no route but would with its trailing slash added or
 * taken away: {@code /users/} when the route is {@code /users}, or {@code /docs} when it is {@code /docs/}.
 */
public enum TrailingSlash {

    /**
     * Answer {@code 308 Permanent Redirect} to the other form, as Werkzeug's {@code strict_slashes} does for a
     * missing slash: one URL per resource, for links and caches alike; 308 keeps the method and body of a
     * {@code POST}, where 301 would let a client turn it into a {@code GET}. The default.
     */
    REDIRECT,

    /** Serve the other form's route as if it had matched, for clients that cannot follow redirects. */
    MATCH,

    /** Treat the two forms as different paths: a 404 for the one no route names. */
    STRICT
}
