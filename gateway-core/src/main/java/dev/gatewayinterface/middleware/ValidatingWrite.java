package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.Syntax.quote;

import dev.gatewayinterface.Write;
import java.io.IOException;

/**
 * Check each call of the {@code write} callable before passing it to the server's (docs/SPEC.md §5.5, §6.3,
 * §11.2). Violations are thrown from {@link #write}, inside the application.
 *
 * <p>A {@code write} callable exists only once {@code start_response} returned it, so "write before
 * start_response" cannot happen through the validator; what can happen is a write after the request is
 * over, from a callable the application kept.
 */
final class ValidatingWrite implements Write {

    private final Write server;

    private final ValidatedResponse response;

    ValidatingWrite(Write server, ValidatedResponse response) {
        this.server = server;
        this.response = response;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (data == null) {
            throw response.violations().of(ContractRule.WRITE_NULL, "write() was passed null, not bytes");
        }
        if (response.closed()) {
            throw response.violations().of(ContractRule.WRITE_AFTER_CLOSE,
                    "write() of " + quote(data) + " came after the server closed the body: the request is over");
        }
        if (data.length > 0) {
            response.produce(data, true);
        }
        server.write(data);
    }
}
