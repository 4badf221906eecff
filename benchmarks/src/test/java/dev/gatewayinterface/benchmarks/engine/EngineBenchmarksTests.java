package dev.gatewayinterface.benchmarks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.gatewayinterface.engine.Gateway;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Run each microbenchmark's request once, as its setup does before JMH measures it, with the validator off and on:
 * the setup refuses a request that fails or breaks the contract, so these pass only while the benchmarks measure a
 * request answered in full.
 */
class EngineBenchmarksTests {

    @ParameterizedTest
    @ValueSource(strings = {"off", "on"})
    void buildsTheEnvironOfABareAndABrowsersRequest(String validator) {
        EnvironBenchmark benchmark = new EnvironBenchmark();
        benchmark.validator = validator;
        benchmark.setUp();
        assertThat(benchmark.browserHeaders()).isEqualTo(204);
        assertThat(benchmark.noHeaders()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "on"})
    void sendsOneAndEightHeadersWithTheBody(String validator) {
        StartResponseBenchmark benchmark = new StartResponseBenchmark();
        benchmark.validator = validator;
        benchmark.setUp();
        assertThat(benchmark.oneHeader()).isEqualTo(200 + 2 + 13);
        assertThat(benchmark.eightHeaders()).isEqualTo(200 + 9 + 13);
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "on"})
    void sendsEveryChunkOfTheBody(String validator) {
        BodyBenchmark benchmark = new BodyBenchmark();
        benchmark.validator = validator;
        benchmark.chunks = 1024;
        benchmark.setUp();
        assertThat(benchmark.manyChunks()).isGreaterThanOrEqualTo(200 + 1024 * 256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "on"})
    void refusesToMeasureARequestTheEngineFailed(String validator) {
        DiscardingExchange exchange = new DiscardingExchange("/", null, List.of());
        Gateway gateway = Engines.gateway((environ, startResponse) -> {
            throw new IllegalStateException("broken on purpose");
        }, validator, exchange);
        exchange.serve(gateway);
        assertThatIllegalStateException().isThrownBy(() -> exchange.verify(200, 0))
            .withMessageContaining("status 500 (expected 200)");
    }
}
