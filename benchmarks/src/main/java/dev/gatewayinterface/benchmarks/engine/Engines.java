package dev.gatewayinterface.benchmarks.engine;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.engine.GatewayOptions;
import dev.gatewayinterface.middleware.ContractValidator;
import java.util.List;

/**
 * Build what the microbenchmarks share: the engine with the contract validator on or off, and a browser's request.
 */
final class Engines {

    /** The headers a browser sends with a page request: twelve, as in a typical trace. */
    static final List<Header> BROWSER_HEADERS = List.of(
            new Header("Host", "localhost:8080"),
            new Header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"),
            new Header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            new Header("Accept-Language", "en-GB,en;q=0.5"),
            new Header("Accept-Encoding", "gzip, deflate, br, zstd"),
            new Header("Connection", "keep-alive"),
            new Header("Cookie", "session=6f1c2a9e4b7d4c33a0e5; theme=dark"),
            new Header("Referer", "http://localhost:8080/"),
            new Header("Upgrade-Insecure-Requests", "1"),
            new Header("Sec-Fetch-Dest", "document"),
            new Header("Sec-Fetch-Mode", "navigate"),
            new Header("Cache-Control", "max-age=0"));

    private Engines() {
    }

    /**
     * Return the engine for an application, inside the contract validator when asked, which then reports any
     * breach to the exchange, so that {@link DiscardingExchange#verify} refuses to measure a request it flagged.
     * @param application the application
     * @param validator {@code "on"} or {@code "off"}, a JMH parameter
     * @param exchange the exchange the benchmark serves
     * @return the engine
     */
    static Gateway gateway(Application application, String validator, DiscardingExchange exchange) {
        Application served = switch (validator) {
            case "on" -> new ContractValidator(application, exchange::violated);
            case "off" -> application;
            default -> throw new IllegalArgumentException("validator is 'on' or 'off', not '" + validator + "'");
        };
        return new Gateway(served, GatewayOptions.defaults("benchmark"));
    }
}
