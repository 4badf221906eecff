package dev.gatewayinterface.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Hold the deployer's settings for one mounted application.
 *
 * @param name the application's name, used in log messages
 * @param underscoreHeaders what to do with request headers whose names contain {@code _}
 * @param environ name/value pairs added to every environ; the request's own keys take precedence
 * @param observer told about every request, for metrics
 * @param strictPaths whether to refuse a path with dot segments or path parameters, plain or percent-encoded,
 *     which the container and the mount could read as different resources (docs/SPEC.md §14)
 * @param trustedProxies the peers whose forwarded headers describe the client's request (docs/SPEC.md §16)
 * @param limits the sizes a request may reach (docs/SPEC.md §14)
 */
public record GatewayOptions(String name, UnderscoreHeaders underscoreHeaders, Map<String, String> environ,
        RequestObserver observer, boolean strictPaths, TrustedProxies trustedProxies, RequestLimits limits) {

    /**
     * Create options, copying the environ map.
     * @param name the application's name
     * @param underscoreHeaders the underscore policy
     * @param environ deployer-supplied environ pairs
     * @param observer the request observer
     * @param strictPaths whether to refuse ambiguous paths
     * @param trustedProxies the proxies to believe
     * @param limits the request size limits
     */
    public GatewayOptions {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(underscoreHeaders, "underscoreHeaders must not be null");
        environ = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(environ, "environ must not be null")));
        Objects.requireNonNull(observer, "observer must not be null");
        Objects.requireNonNull(trustedProxies, "trustedProxies must not be null");
        Objects.requireNonNull(limits, "limits must not be null");
    }

    /**
     * Create options that trust no proxy and apply the default limits.
     * @param name the application's name
     * @param underscoreHeaders the underscore policy
     * @param environ deployer-supplied environ pairs
     * @param observer the request observer
     * @param strictPaths whether to refuse ambiguous paths
     */
    public GatewayOptions(String name, UnderscoreHeaders underscoreHeaders, Map<String, String> environ,
            RequestObserver observer, boolean strictPaths) {
        this(name, underscoreHeaders, environ, observer, strictPaths, TrustedProxies.NONE, RequestLimits.DEFAULTS);
    }

    /**
     * Create options that observe nothing.
     * @param name the application's name
     * @param underscoreHeaders the underscore policy
     * @param environ deployer-supplied environ pairs
     */
    public GatewayOptions(String name, UnderscoreHeaders underscoreHeaders, Map<String, String> environ) {
        this(name, underscoreHeaders, environ, RequestObserver.NONE, true);
    }

    /**
     * Return these options with another observer.
     * @param observer the request observer
     * @return new options
     */
    public GatewayOptions withObserver(RequestObserver observer) {
        return new GatewayOptions(name, underscoreHeaders, environ, observer, strictPaths, trustedProxies, limits);
    }

    /**
     * Return these options with another path policy.
     * @param strictPaths whether to refuse paths with dot segments or path parameters
     * @return new options
     */
    public GatewayOptions withStrictPaths(boolean strictPaths) {
        return new GatewayOptions(name, underscoreHeaders, environ, observer, strictPaths, trustedProxies, limits);
    }

    /**
     * Return these options with other trusted proxies.
     * @param trustedProxies the proxies whose forwarded headers to believe
     * @return new options
     */
    public GatewayOptions withTrustedProxies(TrustedProxies trustedProxies) {
        return new GatewayOptions(name, underscoreHeaders, environ, observer, strictPaths, trustedProxies, limits);
    }

    /**
     * Return these options with other request limits.
     * @param limits the request size limits
     * @return new options
     */
    public GatewayOptions withLimits(RequestLimits limits) {
        return new GatewayOptions(name, underscoreHeaders, environ, observer, strictPaths, trustedProxies, limits);
    }

    /**
     * Return the default options for an application of the given name.
     * @param name the application's name
     * @return options that drop underscore headers, add no environ pairs, refuse ambiguous paths, trust no proxy
     *     and apply the default limits
     */
    public static GatewayOptions defaults(String name) {
        return new GatewayOptions(name, UnderscoreHeaders.DROP, Map.of());
    }
}
