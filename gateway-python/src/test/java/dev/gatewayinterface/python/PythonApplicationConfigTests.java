package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Check that {@link PythonApplicationConfig} refuses what no pool can serve, quoting the value.
 */
class PythonApplicationConfigTests {

    private static final List<Path> PATH = List.of(Path.of("app"));

    @Test
    void defaultsToOneContextPerProcessorATenSecondWaitAndGunicornsThirtySecondTimeout() {
        PythonApplicationConfig config = PythonApplicationConfig.of("site", "app:app", PATH);
        assertThat(config.poolSize()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.acquireTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void keepsItsOwnCopyOfThePythonPath() {
        List<Path> path = new ArrayList<>(PATH);
        PythonApplicationConfig config = PythonApplicationConfig.of("site", "app:app", path);
        path.add(Path.of("other"));
        assertThat(config.pythonPath()).isEqualTo(PATH);
    }

    @Test
    void refusesAnEmptyPool() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new PythonApplicationConfig("site", "app:app", PATH, 0, Duration.ZERO))
            .withMessage("poolSize must be at least 1, not 0");
    }

    @Test
    void refusesANegativeWait() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new PythonApplicationConfig("site", "app:app", PATH, 1, Duration.ofSeconds(-1)))
            .withMessage("acquireTimeout must not be negative, not PT-1S");
    }

    @Test
    void refusesANegativeTimeout() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new PythonApplicationConfig("site", "app:app", PATH, 1, Duration.ZERO,
                    Duration.ofMillis(-1)))
            .withMessage("timeout must not be negative, not PT-0.001S");
    }

    @Test
    void refusesANegativeRequestLimit() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new PythonApplicationConfig("site", "app:app", PATH, 1, Duration.ZERO, Duration.ZERO, -1,
                    0))
            .withMessage("maxRequests must not be negative, not -1");
    }

    @Test
    void refusesASpecWithoutAModule() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new PythonApplicationConfig("site", ":app", PATH, 1, Duration.ZERO))
            .withMessage("app must be 'module:name', not ':app'");
    }
}
