package dev.gatewayinterface.benchmarks.engine;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.Gateway;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Measure iterating a body of many chunks, as a streaming application or a template engine's generator returns it:
 * what the engine spends per chunk (checks, writes, flushes) with no length known in advance.
 */
public class BodyBenchmark extends EngineBenchmark {

    private static final int CHUNK_SIZE = 256;

    /** How many chunks the body has. */
    @Param({"16", "1024"})
    public int chunks;

    private DiscardingExchange exchange;

    private Gateway gateway;

    /** Build the body and its engine, and check that it is sent whole. */
    @Setup(Level.Trial)
    public void setUp() {
        List<byte[]> body = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            body.add(new byte[CHUNK_SIZE]);
        }
        Application application = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            return body::iterator;
        };
        exchange = new DiscardingExchange("/stream", null, List.of());
        gateway = Engines.gateway(application, validator, exchange);
        manyChunks();
        exchange.verify(200, (long) chunks * CHUNK_SIZE);
    }

    /**
     * Serve the body.
     * @return a figure of the response
     */
    @Benchmark
    public long manyChunks() {
        return exchange.serve(gateway);
    }
}
