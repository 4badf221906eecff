package dev.gatewayinterface.uwsgi;

import java.time.Duration;
import java.util.Objects;

/**
 * Hold the settings of a uwsgi listener (docs/SPEC.md §17.6).
 *
 * @param address the address to listen on, such as {@code "127.0.0.1"}
 * @param port the port to listen on; {@code 0} picks a free one
 * @param bufferSize the largest vars block accepted, in bytes, as uWSGI's {@code buffer-size}
 * @param maxBodySize the largest request body accepted, in bytes, or {@code -1} for no limit
 * @param requestTimeout the longest time from accepting a connection to having its packet's header and vars
 * @param clientTimeout the longest wait of an application's thread for the proxy to send or take bytes
 * @param retryAfter the delay a 503 answer asks the proxy to wait, in whole seconds, rounded up
 */
public record UwsgiSettings(String address, int port, int bufferSize, long maxBodySize, Duration requestTimeout,
        Duration clientTimeout, Duration retryAfter) {

    /**
     * Check the settings.
     * @param address the address to listen on
     * @param port the port to listen on
     * @param bufferSize the largest vars block accepted
     * @param maxBodySize the largest request body accepted, or {@code -1}
     * @param requestTimeout the time allowed for the packet's header and vars
     * @param clientTimeout the time allowed for the proxy to send or take bytes
     * @param retryAfter the delay a 503 asks for
     */
    public UwsgiSettings {
        Objects.requireNonNull(address, "address must not be null");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (bufferSize < UwsgiCodec.HEADER_SIZE || bufferSize > UwsgiCodec.MAX_VARS_SIZE) {
            throw new IllegalArgumentException("bufferSize must be between 4 and 65535 bytes, not " + bufferSize);
        }
        if (maxBodySize < -1) {
            throw new IllegalArgumentException("maxBodySize must be -1 (no limit) or at least 0, not " + maxBodySize);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
        Objects.requireNonNull(clientTimeout, "clientTimeout must not be null");
        Objects.requireNonNull(retryAfter, "retryAfter must not be null");
    }

    /**
     * Return the settings uWSGI users would expect where nothing is said: loopback, a free port, 8 KB of vars, no
     * body limit, 10 seconds for the packet, a minute for the proxy, a second before a retry.
     * @return the defaults
     */
    public static UwsgiSettings defaults() {
        return new UwsgiSettings("127.0.0.1", 0, 8192, -1, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(1));
    }
}
