package dev.gatewayinterface.benchmarks.engine;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.Gateway;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Measure {@code start_response} through to the response headers the server sends: one header against the eight of
 * a typical page (cookies, caching, security headers), each with a 13-byte body whose length the engine adds.
 */
public class StartResponseBenchmark extends EngineBenchmark {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private static final List<Header> ONE = List.of(new Header("Content-Type", "text/plain"));

    private static final List<Header> EIGHT = List.of(
            new Header("Content-Type", "text/html; charset=utf-8"),
            new Header("Cache-Control", "no-cache, private"),
            new Header("Set-Cookie", "session=6f1c2a9e4b7d4c33a0e5; Path=/; HttpOnly; SameSite=Lax"),
            new Header("Set-Cookie", "theme=dark; Path=/; Max-Age=31536000"),
            new Header("ETag", "\"33a64df551425fcc55e4d42a148795d9f25f89d4\""),
            new Header("Vary", "Accept-Encoding, Cookie"),
            new Header("X-Content-Type-Options", "nosniff"),
            new Header("X-Request-Id", "0b9a4c1e-8f2d-4e57-9a3b-6c7d8e9f0a1b"));

    private DiscardingExchange exchange;

    private Gateway oneHeader;

    private Gateway eightHeaders;

    /** Build both applications' engines and check that each is answered. */
    @Setup(Level.Trial)
    public void setUp() {
        exchange = new DiscardingExchange("/hello", null, List.of());
        oneHeader = Engines.gateway(answering(ONE), validator, exchange);
        eightHeaders = Engines.gateway(answering(EIGHT), validator, exchange);
        oneHeader();
        exchange.verify(200, HELLO.length);
        eightHeaders();
        exchange.verify(200, HELLO.length);
    }

    /**
     * Answer with one header.
     * @return a figure of the response
     */
    @Benchmark
    public long oneHeader() {
        return exchange.serve(oneHeader);
    }

    /**
     * Answer with eight headers.
     * @return a figure of the response
     */
    @Benchmark
    public long eightHeaders() {
        return exchange.serve(eightHeaders);
    }

    private static Application answering(List<Header> headers) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", headers);
            return List.of(HELLO);
        };
    }
}
