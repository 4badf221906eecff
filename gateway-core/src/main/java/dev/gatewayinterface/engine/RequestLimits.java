package dev.gatewayinterface.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Hold the sizes a request may reach before the gateway refuses it (docs/SPEC.md §14): its request line (414), its
 * header block and header count (431), and its body (413, or an {@link RequestBodyException} from
 * {@code wsgi.input} once a body of unknown length grows past it).
 *
 * @param maxRequestLine the most bytes of the request line: method, target and version
 * @param maxHeaderSize the most bytes of the header lines together, as they were sent
 * @param maxHeaderCount the most header lines
 * @param maxRequestBody the most body bytes, or {@code -1} for no limit
 * @param bodySetting the property that set {@code maxRequestBody}, quoted in refusals
 * @param minBodyRate the fewest body bytes a second the client must average while the application waits for them,
 *     once it waited {@code bodyGrace}; 0 for no minimum
 * @param bodyGrace how long the application waits for body bytes before their rate is checked
 */
public record RequestLimits(int maxRequestLine, int maxHeaderSize, int maxHeaderCount, long maxRequestBody,
        String bodySetting, long minBodyRate, Duration bodyGrace) {

    /**
     * The limits when none are configured: 8 KiB of line, 8 KiB of headers, 100 headers, 10 MiB of body, and a
     * body sent at 240 bytes a second at least once the application waited 60 seconds for it.
     */
    public static final RequestLimits DEFAULTS = new RequestLimits(8192, 8192, 100, 10L * 1024 * 1024,
            "gateway.limits.max-request-body", 240, Duration.ofSeconds(60));

    /**
     * Create limits, checking them.
     * @param maxRequestLine the most bytes of the request line
     * @param maxHeaderSize the most bytes of the header lines
     * @param maxHeaderCount the most header lines
     * @param maxRequestBody the most body bytes, or {@code -1}
     * @param bodySetting the property that set the body limit
     * @param minBodyRate the fewest body bytes a second, or 0
     * @param bodyGrace how long the application waits before the rate is checked
     */
    public RequestLimits {
        if (maxRequestLine < 16 || maxHeaderSize < 16 || maxHeaderCount < 1 || maxRequestBody < -1
                || minBodyRate < 0) {
            throw new IllegalArgumentException("limits too small to serve any request: line " + maxRequestLine
                    + ", headers " + maxHeaderSize + ", header count " + maxHeaderCount + ", body " + maxRequestBody
                    + ", body rate " + minBodyRate);
        }
        Objects.requireNonNull(bodySetting, "bodySetting must not be null");
        Objects.requireNonNull(bodyGrace, "bodyGrace must not be null");
    }

    /**
     * Return these limits with another body limit.
     * @param bytes the most body bytes, or {@code -1} for no limit
     * @param setting the property that set it
     * @return new limits
     */
    public RequestLimits withMaxRequestBody(long bytes, String setting) {
        return new RequestLimits(maxRequestLine, maxHeaderSize, maxHeaderCount, bytes, setting, minBodyRate, bodyGrace);
    }

    /**
     * Return these limits with another minimum body rate.
     * @param bytesPerSecond the fewest body bytes a second, or 0 for no minimum
     * @param grace how long the application waits for body bytes before their rate is checked
     * @return new limits
     */
    public RequestLimits withMinBodyRate(long bytesPerSecond, Duration grace) {
        return new RequestLimits(maxRequestLine, maxHeaderSize, maxHeaderCount, maxRequestBody, bodySetting,
                bytesPerSecond, grace);
    }

    /** Tell whether a client that sent this many bytes while the application waited this long is too slow. */
    boolean bodyTooSlow(long bytes, long waitedNanos) {
        return minBodyRate > 0 && waitedNanos > bodyGrace.toNanos()
                && bytes * 1_000_000_000.0 / waitedNanos < minBodyRate;
    }

    /** Tell whether a body of this many bytes is too long. */
    boolean bodyTooLong(long bytes) {
        return maxRequestBody >= 0 && bytes > maxRequestBody;
    }
}
