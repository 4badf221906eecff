package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Serve applications through a real {@link Gateway} onto {@link FakeExchange}s, with the checks every such
 * test owes: the gateway's log is captured for the test to assert on (and kept off the console, where the
 * expected failures would bury real ones), and after the test each exchange served is checked for breaches
 * of the {@link Exchange} protocol, which a real binding would turn into corrupt HTTP rather than an
 * exception any test could see.
 *
 * <p>Register it on an instance field, so that each test gets its own log and its own exchanges:
 * {@code @RegisterExtension final GatewayHarness harness = new GatewayHarness();}
 * It, {@link FakeExchange} and {@link LogCapture} are public so that middleware tests can serve through the
 * real engine too.
 */
public final class GatewayHarness implements BeforeEachCallback, AfterEachCallback {

    /** The name the gateway is given, and so the one its log messages must name. */
    public static final String APPLICATION_NAME = "test-app";

    private final List<FakeExchange> served = new ArrayList<>();

    private LogCapture log;

    @Override
    public void beforeEach(ExtensionContext context) {
        served.clear();
        log = LogCapture.of(Gateway.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        log.close();
        for (FakeExchange exchange : served) {
            assertThat(exchange.violations()).as("Exchange protocol breaches").isEmpty();
        }
    }

    /** What {@link Gateway} has logged so far in this test, at every level. */
    public LogCapture log() {
        return log;
    }

    /** Serve a plain GET, for tests that care only about what the application does. */
    public FakeExchange serve(Application application) {
        return serve(new FakeExchange(), application);
    }

    /**
     * Serve the given exchange, for tests that set up the request or the client, or that watch the exchange
     * while the application runs; it is checked after the test even when the gateway throws.
     */
    public FakeExchange serve(FakeExchange exchange, Application application) {
        return serve(exchange, application, GatewayOptions.defaults(APPLICATION_NAME));
    }

    /** Serve the given exchange with options of the test's own, such as other limits. */
    public FakeExchange serve(FakeExchange exchange, Application application, GatewayOptions options) {
        served.add(exchange);
        new Gateway(application, options).handle(exchange);
        return exchange;
    }
}
