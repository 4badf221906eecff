package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.Write;
import dev.gatewayinterface.engine.RequestEnd;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drive a {@link ContractValidator} directly, as a small hand-made server would: a valid environ that a test
 * may spoil, a {@code start_response} that records what it is given, and a listener that records every
 * violation. {@link #serve} behaves; a test that plays a misbehaving server uses {@link #call} and the body
 * itself.
 */
final class FakeServer {

    private final Map<String, Object> environ = TestEnviron.valid();

    private final RequestEnd end = (RequestEnd) environ.get(RequestEnd.ENVIRON_KEY);

    private final List<ContractViolationException> reported = new ArrayList<>();

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    private final List<String> statuses = new ArrayList<>();

    private boolean strict;

    private StartResponse startResponse = (status, headers, excInfo) -> {
        statuses.add(status);
        return written::writeBytes;
    };

    /** Return the environ the next call passes; tests change it to play a server that builds it wrong. */
    Map<String, Object> environ() {
        return environ;
    }

    /** Validate with the opt-in rules of docs/SPEC.md §11.3 too. */
    FakeServer strict() {
        this.strict = true;
        return this;
    }

    FakeServer method(String method) {
        environ.put(Environ.REQUEST_METHOD, method);
        return this;
    }

    /** Replace the server's {@code start_response}, to play a server whose own one misbehaves. */
    FakeServer startResponse(StartResponse startResponse) {
        this.startResponse = startResponse;
        return this;
    }

    StartResponse startResponse() {
        return startResponse;
    }

    /** Return a validator around the application that reports to this server's record. */
    ContractValidator validator(Application application) {
        return strict ? ContractValidator.strict(application, reported::add)
                : new ContractValidator(application, reported::add);
    }

    /** Call the application through the validator, and do nothing more. */
    Iterable<byte[]> call(Application application) throws Exception {
        return validator(application).call(environ, startResponse);
    }

    /** Serve as a well-behaved server does: call, take every chunk, close the body, end the request. */
    FakeServer serve(Application application) throws Exception {
        Iterable<byte[]> body = null;
        try {
            body = call(application);
            for (byte[] chunk : body) {
                written.writeBytes(chunk);
            }
        }
        finally {
            if (body instanceof AutoCloseable closeable) {
                closeable.close();
            }
            end();
        }
        return this;
    }

    /** End the request, running the validator's end-of-request check. */
    void end() {
        end.end();
    }

    /** Return every violation the validator reported, thrown or logged, in order. */
    List<ContractViolationException> reported() {
        return List.copyOf(reported);
    }

    /** Return the statuses passed to the server's {@code start_response}, in order. */
    List<String> statuses() {
        return List.copyOf(statuses);
    }

    String bodyText() {
        return written.toString(StandardCharsets.ISO_8859_1);
    }
}
