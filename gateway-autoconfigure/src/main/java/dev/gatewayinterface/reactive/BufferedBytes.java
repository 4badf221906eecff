package dev.gatewayinterface.reactive;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Count the body bytes the gateway holds on behalf of applications: request bytes received but not yet read,
 * and response bytes produced but not yet taken by the client. Keeps the highest count seen, so that tests
 * and metrics can check that memory stays bounded whatever the client and the application do.
 */
final class BufferedBytes {

    private final AtomicLong current = new AtomicLong();

    private final AtomicLong peak = new AtomicLong();

    void add(long bytes) {
        long now = current.addAndGet(bytes);
        peak.accumulateAndGet(now, Math::max);
    }

    void remove(long bytes) {
        current.addAndGet(-bytes);
    }

    /** Return the bytes held right now. */
    long current() {
        return current.get();
    }

    /** Return the most bytes held at any one time. */
    long peak() {
        return peak.get();
    }
}
