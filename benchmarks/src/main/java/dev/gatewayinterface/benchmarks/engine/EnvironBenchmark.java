package dev.gatewayinterface.benchmarks.engine;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.engine.Gateway;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Measure building the environ from a request: one request with no headers and one with a browser's twelve, each
 * answered {@code 204} with no body, so that the difference is what the headers cost (their CGI names, the map).
 */
public class EnvironBenchmark extends EngineBenchmark {

    private DiscardingExchange bare;

    private DiscardingExchange browser;

    private Gateway gatewayForBare;

    private Gateway gatewayForBrowser;

    /** Build both requests' engines and check that each is answered. */
    @Setup(Level.Trial)
    public void setUp() {
        bare = new DiscardingExchange("/hello", null, List.of());
        browser = new DiscardingExchange("/hello", "name=Ada&lang=en", Engines.BROWSER_HEADERS);
        gatewayForBare = Engines.gateway(readsTheEnviron(), validator, bare);
        gatewayForBrowser = Engines.gateway(readsTheEnviron(), validator, browser);
        noHeaders();
        bare.verify(204, 0);
        browserHeaders();
        browser.verify(204, 0);
    }

    /**
     * Serve a request with no headers.
     * @return a figure of the response
     */
    @Benchmark
    public long noHeaders() {
        return bare.serve(gatewayForBare);
    }

    /**
     * Serve a request with a browser's twelve headers.
     * @return a figure of the response
     */
    @Benchmark
    public long browserHeaders() {
        return browser.serve(gatewayForBrowser);
    }

    /** Read the keys a framework reads first, then answer with no body. */
    private static Application readsTheEnviron() {
        return (environ, startResponse) -> {
            String status = lookups(environ) > 0 ? "204 No Content" : "500 Internal Server Error";
            startResponse.start(status, List.of());
            return List.of();
        };
    }

    private static int lookups(Map<String, Object> environ) {
        return ((String) environ.get(Environ.REQUEST_METHOD)).length()
                + ((String) environ.get(Environ.PATH_INFO)).length()
                + ((String) environ.get(Environ.QUERY_STRING)).length() + environ.size();
    }
}
