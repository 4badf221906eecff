package dev.gatewayinterface.python.autoconfigure;

import dev.gatewayinterface.autoconfigure.actuate.GatewayEndpointContributor;
import dev.gatewayinterface.python.PythonPoolState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Add a Python application's pool to its mount at {@code /actuator/gateway}, as {@code details.pythonPool}: the
 * same figures as the meters (docs/PYTHON.md), read when the endpoint is.
 */
final class PythonEndpointContributor implements GatewayEndpointContributor {

    private final Function<String, PythonPoolState> pools;

    /**
     * Create the contributor.
     * @param pools the state of a started application's pool by its name, {@code null} for any other mount
     */
    PythonEndpointContributor(Function<String, PythonPoolState> pools) {
        this.pools = pools;
    }

    @Override
    public Map<String, Object> details(String mount) {
        PythonPoolState state = pools.apply(mount);
        if (state == null) {
            return Map.of();
        }
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("size", state.size());
        pool.put("busy", state.busy());
        pool.put("idle", state.idle());
        pool.put("waiting", state.waiting());
        pool.put("replaced", state.replaced());
        pool.put("timeouts", state.timeouts());
        pool.put("startFailures", state.startFailures());
        return Map.of("pythonPool", pool);
    }
}
