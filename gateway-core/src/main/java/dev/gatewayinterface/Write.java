package dev.gatewayinterface;

import java.io.IOException;

/**
 * Send body bytes imperatively: the {@code write} callable that {@link StartResponse} returns.
 *
 * <p>Kept for applications ported from frameworks that push output; returning the body as an iterable is
 * preferred. Bytes written here go out before the chunks of the returned iterable (docs/SPEC.md §5).
 */
@FunctionalInterface
public interface Write {

    /**
     * Send the bytes, returning only once they are sent or queued for sending.
     * @param data the bytes to send; an empty array sends nothing
     * @throws IOException if the client went away
     */
    void write(byte[] data) throws IOException;
}
