package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestResponse;
import java.nio.charset.StandardCharsets;

/**
 * Run the conformance suite in-process through {@link TestClient}: the reference binding, and a model for
 * bindings that call applications without a socket.
 */
public final class TestClientTckBinding implements TckBinding {

    private static final String MOUNT = "/tck";

    @Override
    public TckResponse send(Application application, TckRequest request) {
        TestClient.RequestBuilder builder = TestClient.of(application)
            .mountedAt(MOUNT)
            .catchingErrors()
            // The suite wraps applications in the validator itself, only where they keep the contract.
            .withoutValidation()
            .request(request.method(), MOUNT + request.target())
            .body(request.body());
        request.headers().forEach(header -> builder.header(header.name(), header.value()));
        if (request.chunked()) {
            builder.chunked();
        }
        if (request.expectContinue()) {
            // Nothing waits for an interim response in-process, but the application sees the header a server passes on.
            builder.header("Expect", "100-continue");
        }
        if (request.pipelined()) {
            builder.followedBy(("GET " + MOUNT + request.target() + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        }
        TestResponse response = builder.send();
        return new TckResponse(response.status(), response.headers(), response.body(), response.complete(), null);
    }

    @Override
    public String mountPath() {
        return MOUNT;
    }
}
