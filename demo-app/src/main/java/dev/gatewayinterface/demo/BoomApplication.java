package dev.gatewayinterface.demo;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.StartResponse;
import java.util.Map;

/**
 * Fail on every request, to show the server's answer: a logged stack trace and a plain 500 that leaks
 * nothing to the client.
 */
final class BoomApplication implements Application {

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) {
        throw new IllegalStateException("boom: this application fails on purpose (secret=do-not-leak)");
    }
}
