package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Check what {@link Gateway} answers when the client breaks its own body — framing the server refused, a body
 * over the mount's limit, a client that stopped sending — and the application lets the failure through or copes
 * with it: the client's fault is answered as such, never as a 500, the connection closes, and the body is still
 * closed (docs/SPEC.md §4.3).
 */
class GatewayRequestBodyFailureTests {

    @RegisterExtension
    final GatewayHarness harness = new GatewayHarness();

    @Test
    void answersTheStatusOfABrokenBodyTheApplicationLetThrough() {
        TrackingBody body = TrackingBody.of("never sent");
        FakeExchange exchange = harness.serve(new FakeExchange().method("POST").chunked().body("abc")
            .failingBody(RequestBodyException.malformed("the chunk-size line \"5 \" is malformed (RFC 9112 §7.1)", null)),
                (environ, start) -> {
                    ((Input) environ.get(Environ.WSGI_INPUT)).read();
                    start.start("200 OK", List.of());
                    return body;
                });
        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.header("Connection")).isEqualTo("close");
        assertThat(exchange.bodyText()).startsWith("400 Bad Request: the chunk-size line");
        assertThat(harness.log().events(Level.ERROR)).as("a client's fault logged as an application failure").isEmpty();
    }

    @Test
    void answersTheClientsFaultEvenWhenTheApplicationWrappedIt() {
        FakeExchange exchange = harness.serve(new FakeExchange().method("POST").chunked().body("x".repeat(20)),
                (environ, start) -> {
                    try {
                        ((Input) environ.get(Environ.WSGI_INPUT)).read();
                    }
                    catch (IOException ex) {
                        throw new UncheckedIOException("upload failed", ex);
                    }
                    return List.of();
                }, GatewayOptions.defaults(GatewayHarness.APPLICATION_NAME)
                    .withLimits(RequestLimits.DEFAULTS.withMaxRequestBody(10, "gateway.limits.max-request-body")));
        assertThat(exchange.status()).isEqualTo(413);
        assertThat(exchange.bodyText()).contains("longer than 10 bytes");
    }

    @Test
    void closesTheConnectionAfterAnAnswerTheApplicationGaveDespiteTheFailure() {
        FakeExchange exchange = harness.serve(new FakeExchange().method("POST").chunked().body("abc")
            .failingBody(RequestBodyException.timedOut("the client sent no more of the body within 1s", null)),
                (environ, start) -> {
                    try {
                        ((Input) environ.get(Environ.WSGI_INPUT)).read();
                    }
                    catch (IOException ex) {
                        // An application may answer a failed upload itself; the connection still cannot be reused.
                    }
                    start.start("422 Unprocessable Content", List.of(new Header("Content-Type", "text/plain")));
                    return List.of("upload incomplete".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                });
        assertThat(exchange.status()).isEqualTo(422);
        assertThat(exchange.header("Connection")).isEqualTo("close");
        assertThat(exchange.bodyText()).isEqualTo("upload incomplete");
    }

    @Test
    void closesTheBodyWhoseIterationReadTheBrokenInput() {
        TrackingBody body = TrackingBody.of("unreached").onFirstIteration(() -> {
            throw new IllegalStateException("stand-in for a read that failed while iterating");
        });
        FakeExchange exchange = harness.serve(new FakeExchange().method("POST").chunked().body("abc")
            .failingBody(RequestBodyException.timedOut("the client sent no more of the body within 1s", null)),
                (environ, start) -> {
                    Input input = (Input) environ.get(Environ.WSGI_INPUT);
                    start.start("200 OK", List.of());
                    try {
                        input.read();
                    }
                    catch (IOException ex) {
                        // Seen on the first iteration instead: the failure is kept by wsgi.input all the same.
                    }
                    return body;
                });
        assertThat(exchange.status()).isEqualTo(408);
        assertThat(body.closeCount()).isOne();
    }
}
