package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Check how long {@link ContextPool} waits before it tries again to start a context that failed; the pool's
 * behaviour with real contexts is checked over HTTP and in {@link PythonApplicationTests}.
 */
class ContextPoolTests {

    @ParameterizedTest
    @CsvSource({ "1, 1", "2, 2", "3, 4", "5, 16", "6, 30", "7, 30", "100, 30" })
    void doublesTheWaitBetweenAttemptsUpToHalfAMinute(int attempt, long seconds) {
        assertThat(ContextPool.backoff(attempt)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
