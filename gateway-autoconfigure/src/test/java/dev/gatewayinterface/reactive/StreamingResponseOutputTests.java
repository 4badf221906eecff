package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.subscriber.TestSubscriber;
import reactor.util.context.Context;

/**
 * Check that {@link StreamingResponseOutput} hands a server no chunk it did not ask for: the application's thread
 * waits for demand, gives up after the client timeout, stops when the server cancels, and ends an aborted
 * response with an error.
 */
class StreamingResponseOutputTests {

    private final MockServerHttpResponse response = new MockServerHttpResponse();

    private final TestSubscriber<DataBuffer> server = TestSubscriber.<DataBuffer>builder().initialRequest(0).build();

    private final Sinks.Empty<Void> done = Sinks.empty();

    private final StreamingResponseOutput output = new StreamingResponseOutput(response, Context.empty(),
            Duration.ofMillis(100), done);

    @BeforeEach
    void letTheTestPlayTheServer() {
        // Spring takes the first chunk itself, then hands the body to the server: here, the test's subscriber.
        response.setWriteHandler(body -> {
            body.subscribe(server);
            return Mono.empty();
        });
    }

    @Test
    void commitsTheStatusAndHeadersWithTheFirstChunk() throws IOException {
        output.sendHeaders(201, "Created", List.of(new Header("X-Kind", "probe")));
        assertThat(response.isCommitted()).isFalse();
        output.write(bytes("first"), 0, 5);
        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getHeaders().getFirst("X-Kind")).isEqualTo("probe");
    }

    @Test
    void writesAChunkOnlyOnceTheServerAskedForIt() throws IOException {
        output.sendHeaders(200, "OK", List.of());
        output.write(bytes("first"), 0, 5);
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> output.write(bytes("second"), 0, 6))
            .withMessage("the client did not ask for more of the response within PT0.1S");
        server.request(2);
        output.write(bytes("third"), 0, 5);
        assertThat(server.getReceivedOnNext()).extracting(StreamingResponseOutputTests::text)
            .containsExactly("first", "third");
    }

    @Test
    void copiesEachChunkSoThatTheApplicationMayReuseItsArray() throws IOException {
        output.sendHeaders(200, "OK", List.of());
        byte[] array = bytes("abc");
        output.write(array, 0, 3);
        array[0] = 'x';
        server.request(1);
        assertThat(server.getReceivedOnNext()).extracting(StreamingResponseOutputTests::text).containsExactly("abc");
    }

    @Test
    void stopsTheApplicationOnceTheServerCancels() throws IOException {
        output.sendHeaders(200, "OK", List.of());
        output.write(bytes("first"), 0, 5);
        server.cancel();
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> output.write(bytes("second"), 0, 6))
            .withMessage("the client went away");
    }

    @Test
    void endsAnAbortedResponseWithAnErrorAfterItsChunks() throws IOException {
        output.sendHeaders(200, "OK", List.of());
        output.write(bytes("first"), 0, 5);
        server.request(1);
        output.abort();
        output.end();
        await().until(server::isTerminated);
        assertThat(server.getReceivedOnNext()).extracting(StreamingResponseOutputTests::text).containsExactly("first");
        assertThat(server.expectTerminalError()).hasMessageContaining("gateway aborted the response");
    }

    @Test
    void endsTheExchangeWhenNothingWasSent() {
        output.abort();
        output.end();
        AtomicReference<Boolean> completed = new AtomicReference<>();
        done.asMono().doOnSuccess(nothing -> completed.set(true)).subscribe();
        assertThat(completed).hasValue(true);
    }

    @Test
    void leavesFilesToBeIterated() throws IOException {
        assertThat(output.transferFile(null, 0, 10)).isEqualTo(-1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(DataBuffer buffer) {
        return buffer.toString(StandardCharsets.US_ASCII);
    }
}
