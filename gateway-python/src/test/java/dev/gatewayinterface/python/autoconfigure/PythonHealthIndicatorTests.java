package dev.gatewayinterface.python.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.python.PythonPoolState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Check that {@link PythonHealthIndicator} is down exactly while an application has no working context.
 */
class PythonHealthIndicatorTests {

    private static final PythonPoolState SERVING = new PythonPoolState(2, 1, 1, 0, 0, 0, 0);

    private static final PythonPoolState NONE_WORKING = new PythonPoolState(2, 0, 0, 3, 2, 1, 4);

    @Test
    void isUpWithEachPoolAsDetailsWhileEveryApplicationHasAWorkingContext() {
        Health health = new PythonHealthIndicator(() -> Map.of("shop", SERVING)).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("shop", SERVING);
    }

    @Test
    void isDownWhileAnApplicationHasNoWorkingContext() {
        Map<String, PythonPoolState> pools = new LinkedHashMap<>();
        pools.put("shop", SERVING);
        pools.put("blog", NONE_WORKING);
        Health health = new PythonHealthIndicator(() -> pools).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("blog", NONE_WORKING);
    }

    @Test
    void isUpWithoutStartedApplications() {
        assertThat(new PythonHealthIndicator(Map::of).health().getStatus()).isEqualTo(Status.UP);
    }
}
