package dev.gatewayinterface.benchmarks.server;

import java.nio.charset.StandardCharsets;

/**
 * Hold what every candidate answers alike, so that they are compared on the same bytes: the same constants are in
 * benchmarks/python/wsgi_bench.py and flask_bench.py.
 */
final class Payloads {

    /** The body of {@code /hello}: 13 bytes. */
    static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    /** The content type of every benchmark response. */
    static final String TEXT_PLAIN = "text/plain";

    /** The size of the chunks the large-body applications read and write. */
    static final int CHUNK = 64 * 1024;

    private Payloads() {
    }

    /**
     * Return the body of {@code /echo}: the raw query, byte for byte (4 KiB in the harness's requests).
     * @param rawQuery the query as sent, one char per byte, or {@code null}
     * @return its bytes
     */
    static byte[] echo(String rawQuery) {
        return rawQuery == null ? new byte[0] : rawQuery.getBytes(StandardCharsets.ISO_8859_1);
    }
}
