package dev.gatewayinterface.autoconfigure.actuate;

import java.util.Map;

/**
 * Add what a module knows of a mount to its entry at {@code /actuator/gateway}, under {@code details}: the Python
 * module adds its pool of contexts, for one. Declare it as a bean; the details of several contributors join in
 * {@code @Order}, a later one's key replacing an earlier one's.
 */
@FunctionalInterface
public interface GatewayEndpointContributor {

    /**
     * Describe one mount; called on every read of the endpoint, so cheap and never blocking.
     * @param mount the mount's application name, as {@code gateway.apps.<name>} spells it
     * @return details by key, values that serialise to JSON (maps, lists, strings, numbers); empty when this
     *     contributor knows nothing of the mount
     */
    Map<String, Object> details(String mount);
}
