package dev.gatewayinterface.python.autoconfigure;

import dev.gatewayinterface.python.PythonPoolState;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Report the Python applications' pools: {@code DOWN} while an application has no working context (all died
 * and none could be started again), so that a readiness probe takes the instance out of rotation until the
 * pool recovers; {@code UP} otherwise, with each pool's figures as details.
 */
final class PythonHealthIndicator implements HealthIndicator {

    private final Supplier<Map<String, PythonPoolState>> pools;

    /**
     * Create the indicator.
     * @param pools the state of each started application's pool, by application name
     */
    PythonHealthIndicator(Supplier<Map<String, PythonPoolState>> pools) {
        this.pools = pools;
    }

    @Override
    public Health health() {
        Map<String, PythonPoolState> states = pools.get();
        boolean down = states.values().stream().anyMatch(state -> state.working() == 0);
        return (down ? Health.down() : Health.up()).withDetails(states).build();
    }
}
