package dev.gatewayinterface.engine;

/**
 * Choose what happens to request headers whose names contain {@code _} (docs/SPEC.md §3.3).
 *
 * <p>{@code X-Forwarded_For} and {@code X-Forwarded-For} both become {@code HTTP_X_FORWARDED_FOR}, so a
 * client could forge a header a proxy vouches for. nginx, Gunicorn, Waitress and Werkzeug drop them.
 */
public enum UnderscoreHeaders {

    /** Leave such headers out of the environ. The default. */
    DROP,

    /** Keep such headers; a later header with the same environ key joins the earlier one's value. */
    KEEP
}
