package dev.gatewayinterface.engine;

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
 */
public record RequestLimits(int maxRequestLine, int maxHeaderSize, int maxHeaderCount, long maxRequestBody,
        String bodySetting) {

    /** The limits when none are configured: 8 KiB of line, 8 KiB of headers, 100 headers, 10 MiB of body. */
    public static final RequestLimits DEFAULTS = new RequestLimits(8192, 8192, 100, 10L * 1024 * 1024,
            "gateway.limits.max-request-body");

    /**
     * Create limits, checking them.
     * @param maxRequestLine the most bytes of the request line
     * @param maxHeaderSize the most bytes of the header lines
     * @param maxHeaderCount the most header lines
     * @param maxRequestBody the most body bytes, or {@code -1}
     * @param bodySetting the property that set the body limit
     */
    public RequestLimits {
        if (maxRequestLine < 16 || maxHeaderSize < 16 || maxHeaderCount < 1 || maxRequestBody < -1) {
            throw new IllegalArgumentException("limits too small to serve any request: line " + maxRequestLine
                    + ", headers " + maxHeaderSize + ", header count " + maxHeaderCount + ", body " + maxRequestBody);
        }
    }

    /**
     * Return these limits with another body limit.
     * @param bytes the most body bytes, or {@code -1} for no limit
     * @param setting the property that set it
     * @return new limits
     */
    public RequestLimits withMaxRequestBody(long bytes, String setting) {
        return new RequestLimits(maxRequestLine, maxHeaderSize, maxHeaderCount, bytes, setting);
    }

    /** Tell whether a body of this many bytes is too long. */
    boolean bodyTooLong(long bytes) {
        return maxRequestBody >= 0 && bytes > maxRequestBody;
    }
}
