package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.engine.RequestLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Resolve the limits and timeouts {@code gateway.limits.*} and {@code gateway.timeouts.*} leave unset from the
 * server's own {@code server.*} settings, so that adding the starter never narrows what a deployer allowed there.
 */
public final class GatewayLimits {

    private static final String SERVER_HEADER_SIZE = "server.max-http-request-header-size";

    private static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);

    private final GatewayProperties properties;

    private final Binder binder;

    /**
     * Resolve against an environment.
     * @param properties the gateway's settings
     * @param environment the application's environment, for {@code server.*}
     */
    public GatewayLimits(GatewayProperties properties, Environment environment) {
        this.properties = properties;
        this.binder = Binder.get(environment);
    }

    /**
     * Return the limits every mount starts from, its body limit still the global one.
     * @return the limits
     */
    public RequestLimits requestLimits() {
        GatewayProperties.Limits limits = properties.getLimits();
        GatewayProperties.Timeouts timeouts = properties.getTimeouts();
        return new RequestLimits(maxRequestLine(), maxHeaderSize(), limits.getMaxHeaderCount(),
                limits.getMaxRequestBody().toBytes(), "gateway.limits.max-request-body",
                timeouts.getMinBodyRate().toBytes(), timeouts.getRequestBody());
    }

    /**
     * Return the most bytes of a request line.
     * @return the limit
     */
    public int maxRequestLine() {
        return (int) properties.getLimits().getMaxRequestLine().toBytes();
    }

    /**
     * Return the most bytes of a request's header lines: {@code gateway.limits.max-header-size}, else
     * {@code server.max-http-request-header-size}, else 8KB.
     * @return the limit
     */
    public int maxHeaderSize() {
        DataSize own = properties.getLimits().getMaxHeaderSize();
        DataSize size = own != null ? own
                : binder.bind(SERVER_HEADER_SIZE, DataSize.class).orElse(DataSize.ofKilobytes(8));
        return (int) size.toBytes();
    }

    /**
     * Return how long an idle connection may wait: {@code gateway.timeouts.keep-alive}; else {@code null} when the
     * server's own setting is given, which then stays; else 60 seconds.
     * @param serverProperty the server's own setting, such as {@code server.netty.idle-timeout}
     * @return the timeout, or {@code null} to leave the server's
     */
    public Duration keepAlive(String serverProperty) {
        Duration own = properties.getTimeouts().getKeepAlive();
        if (own != null) {
            return own;
        }
        return binder.bind(serverProperty, Duration.class).isBound() ? null : DEFAULT_KEEP_ALIVE;
    }
}
