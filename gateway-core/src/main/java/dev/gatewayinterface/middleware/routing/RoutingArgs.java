package dev.gatewayinterface.middleware.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carry the values a router captured from the path, under the environ key {@value #ENVIRON_KEY} of the
 * wsgiorg {@code routing_args} convention: positional values and named values, Python's
 * {@code (args, kwargs)} pair.
 *
 * @param positional the values of unnamed captures, in order
 * @param named the values of named captures, by name
 */
public record RoutingArgs(List<String> positional, Map<String, String> named) {

    /** The environ key routers put their captures under. */
    public static final String ENVIRON_KEY = "wsgiorg.routing_args";

    /** The arguments of a request no router has seen. */
    public static final RoutingArgs NONE = new RoutingArgs(List.of(), Map.of());

    /**
     * Create the arguments, copying the collections.
     * @param positional the positional values
     * @param named the named values
     */
    public RoutingArgs {
        positional = List.copyOf(positional);
        named = Map.copyOf(named);
    }

    /**
     * Return the arguments in an environ, or {@link #NONE}.
     * @param environ the request's environ
     * @return the arguments
     */
    public static RoutingArgs of(Map<String, Object> environ) {
        Object args = environ.get(ENVIRON_KEY);
        return args instanceof RoutingArgs routingArgs ? routingArgs : NONE;
    }

    /**
     * Return one named value.
     * @param name the capture's name
     * @return the value, or {@code null} if nothing was captured under that name
     */
    public String get(String name) {
        return named.get(name);
    }

    /**
     * Return these arguments with more added: positional values after these, named values over these, as the
     * convention asks of a router that finds arguments an outer one put there.
     * @param morePositional values to append
     * @param moreNamed values to add or replace
     * @return the combined arguments
     */
    public RoutingArgs plus(List<String> morePositional, Map<String, String> moreNamed) {
        List<String> allPositional = new ArrayList<>(positional);
        allPositional.addAll(morePositional);
        Map<String, String> allNamed = new LinkedHashMap<>(named);
        allNamed.putAll(moreNamed);
        return new RoutingArgs(allPositional, allNamed);
    }
}
