package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Write;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Check how {@link Gateway} sends a well-behaved application's response: lazy headers, chunk by chunk,
 * and the Content-Length bookkeeping (docs/SPEC.md §1, §5, §6). Failures are in
 * {@link GatewayErrorHandlingTests}.
 */
class GatewayTests {

    @RegisterExtension
    final GatewayHarness harness = new GatewayHarness();

    @Test
    void callsStartResponseLazilyOnTheFirstIteration() {
        AtomicBoolean startedBeforeReturn = new AtomicBoolean();
        AtomicBoolean started = new AtomicBoolean();
        FakeExchange exchange = harness.serve((environ, start) -> {
            TrackingBody body = TrackingBody.of("lazy").onFirstIteration(() -> {
                start.start("201 Created", List.of(new Header("X-Lazy", "yes")));
                started.set(true);
            });
            startedBeforeReturn.set(started.get());
            return body;
        });
        assertThat(startedBeforeReturn).isFalse();
        assertThat(exchange.status()).isEqualTo(201);
        assertThat(exchange.reason()).isEqualTo("Created");
        assertThat(exchange.header("X-Lazy")).isEqualTo("yes");
        assertThat(exchange.bodyText()).isEqualTo("lazy");
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void sendsWriteOutputBeforeTheChunksOfTheReturnedBody() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            Write write = start.start("200 OK", List.of());
            write.write(bytes("written,"));
            return List.of(bytes("iterated,"), bytes("last"));
        });
        assertThat(exchange.bodyText()).isEqualTo("written,iterated,last");
        assertThat(exchange.sendHeadersCalls()).isOne();
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void sendsHeadersWithTheFirstWriteBeforeTheApplicationReturns() {
        List<Integer> headersSentWhenWriteReturned = new ArrayList<>();
        FakeExchange exchange = new FakeExchange();
        harness.serve(exchange, (environ, start) -> {
            start.start("200 OK", List.of()).write(bytes("now"));
            headersSentWhenWriteReturned.add(exchange.sendHeadersCalls());
            headersSentWhenWriteReturned.add(exchange.flushes());
            return List.of();
        });
        assertThat(headersSentWhenWriteReturned).as("headers sent, flushes").containsExactly(1, 1);
        assertThat(exchange.bodyText()).isEqualTo("now");
    }

    @Test
    void defersHeadersUntilFirstNonEmptyChunk() {
        FakeExchange exchange = new FakeExchange();
        List<Integer> headersSentBeforeChunk = new ArrayList<>();
        harness.serve(exchange, (environ, start) -> {
            start.start("200 OK", List.of());
            return TrackingBody.of("", "", "x", "")
                    .beforeChunk(index -> headersSentBeforeChunk.add(exchange.sendHeadersCalls()));
        });
        assertThat(headersSentBeforeChunk).containsExactly(0, 0, 0, 1);
        assertThat(exchange.sendHeadersCalls()).isOne();
        assertThat(exchange.bodyText()).isEqualTo("x");
    }

    @Test
    void sendsHeadersWithContentLengthZeroAtTheEndOfAnEmptyBody() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return TrackingBody.of("", "");
        });
        assertThat(exchange.sendHeadersCalls()).isOne();
        assertThat(exchange.header("Content-Length")).isEqualTo("0");
        assertThat(exchange.header("Content-Type")).isEqualTo("text/plain");
        assertThat(exchange.bodyBytes()).isEmpty();
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void setsContentLengthForASingleChunkList() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            return List.of(bytes("hello"));
        });
        assertThat(exchange.header("Content-Length")).isEqualTo("5");
        assertThat(exchange.bodyText()).isEqualTo("hello");
    }

    @Test
    void leavesContentLengthUnsetForABodyOfSeveralChunks() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of());
            return List.of(bytes("hel"), bytes("lo"));
        });
        assertThat(exchange.header("Content-Length")).isNull();
        assertThat(exchange.bodyText()).isEqualTo("hello");
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void keepsTheApplicationsOwnContentLengthForASingleChunkList() {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of(new Header("content-length", "5")));
            return List.of(bytes("hello"));
        });
        assertThat(exchange.sentHeaders()).filteredOn(header -> header.is("Content-Length"))
                .containsExactly(new Header("content-length", "5"));
    }

    @Test
    void flushesEachChunkBeforeAskingForTheNext() {
        FakeExchange exchange = new FakeExchange();
        List<String> seenBeforeChunk = new ArrayList<>();
        harness.serve(exchange, (environ, start) -> {
            start.start("200 OK", List.of());
            return TrackingBody.of("a", "b", "c")
                    .beforeChunk(index -> seenBeforeChunk.add(exchange.flushes() + ":" + exchange.bodyText()));
        });
        assertThat(seenBeforeChunk).containsExactly("0:", "1:a", "2:ab");
        assertThat(exchange.flushes()).isEqualTo(3);
    }

    @Test
    void truncatesABodyLongerThanItsContentLengthAndStopsIterating() {
        TrackingBody body = TrackingBody.of("hel", "lo, world", "never asked for");
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Length", "5")));
            return body;
        });
        assertThat(exchange.bodyText()).isEqualTo("hello");
        assertThat(body.chunksTaken()).isEqualTo(2);
        assertThat(body.closeCount()).isOne();
        assertThat(exchange.completed()).isTrue();
        assertThat(exchange.aborted()).isFalse();
        assertThat(harness.log().events(Level.WARN)).singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).contains("more than its Content-Length of 5"));
    }

    @Test
    void abortsABodyShorterThanItsContentLength() {
        TrackingBody body = TrackingBody.of("hello");
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Length", "10")));
            return body;
        });
        assertThat(exchange.bodyText()).isEqualTo("hello");
        assertThat(exchange.aborted()).isTrue();
        assertThat(exchange.completed()).isFalse();
        assertThat(body.closeCount()).isOne();
        assertThat(harness.log().events(Level.WARN)).singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).contains("10 bytes but produced 5"));
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @CsvSource({
        "HEAD, 200 OK",
        "HEAD, 404 Not Found",
        "GET,  204 No Content",
        "GET,  304 Not Modified",
        "POST, 204 No Content",
    })
    void sendsNoBodyBytesWhereHttpForbidsABodyButStillIteratesAndCloses(String method, String status) {
        TrackingBody body = TrackingBody.of("some", "body");
        FakeExchange exchange = harness.serve(new FakeExchange().method(method), (environ, start) -> {
            start.start(status, List.of());
            return body;
        });
        assertThat(exchange.status()).isEqualTo(Integer.parseInt(status.substring(0, 3)));
        assertThat(exchange.bodyBytes()).isEmpty();
        assertThat(body.chunksTaken()).isEqualTo(2);
        assertThat(body.closeCount()).isOne();
        assertThat(exchange.completed()).isTrue();
    }

    @ParameterizedTest(name = "{0} answered {1}")
    @CsvSource({ "HEAD, 200 OK", "GET, 304 Not Modified" })
    void completesABodylessResponseThatDeclaresTheLengthOfTheRepresentation(String method, String status) {
        FakeExchange exchange = harness.serve(new FakeExchange().method(method), (environ, start) -> {
            start.start(status, List.of(new Header("Content-Length", "1234")));
            return List.of(bytes("body"));
        });
        assertThat(exchange.header("Content-Length")).isEqualTo("1234");
        assertThat(exchange.bodyBytes()).isEmpty();
        assertThat(exchange.completed()).isTrue();
        assertThat(exchange.aborted()).isFalse();
    }

    @Test
    void tellsAHeadRequestTheLengthOfTheBodyItWouldHaveGot() {
        FakeExchange exchange = harness.serve(new FakeExchange().method("HEAD"), (environ, start) -> {
            start.start("200 OK", List.of());
            return List.of(bytes("hello"));
        });
        assertThat(exchange.header("Content-Length")).isEqualTo("5");
        assertThat(exchange.bodyBytes()).isEmpty();
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void claimsNoLengthForAHeadRequestWhoseApplicationSkippedTheBody() {
        FakeExchange exchange = harness.serve(new FakeExchange().method("HEAD"), (environ, start) -> {
            start.start("200 OK", List.of());
            return List.of();
        });
        assertThat(exchange.header("Content-Length")).isNull();
        assertThat(exchange.completed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "204 No Content", "304 Not Modified" })
    void addsNoContentLengthToAStatusThatHasNoBody(String status) {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start(status, List.of());
            return List.of(bytes("ignored"));
        });
        assertThat(exchange.header("Content-Length")).isNull();
        assertThat(exchange.completed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "101 Switching Protocols", "100 Continue", "103 Early Hints" })
    void answers500ToAnApplicationThatGivesAnInterimStatusAsItsFinalOne(String status) {
        FakeExchange exchange = harness.serve((environ, start) -> {
            start.start(status, List.of());
            return List.of(bytes("upgraded"));
        });
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.sendHeadersCalls()).isEqualTo(1);
        assertThat(harness.log().events()).anySatisfy(event -> assertThat(event.getThrowableProxy().getMessage())
                .contains("interim (1xx)"));
    }

    @Test
    void logsThePartialLineLeftInWsgiErrorsWhenTheRequestEnds() {
        try (LogCapture errorsLog = LogCapture.of("dev.gatewayinterface.errors")) {
            harness.serve((environ, start) -> {
                ((Errors) environ.get(Environ.WSGI_ERRORS)).write("no newline at the end");
                start.start("200 OK", List.of());
                return List.of();
            });
            assertThat(errorsLog.events()).singleElement()
                    .satisfies(event -> assertThat(event.getFormattedMessage()).endsWith("no newline at the end"));
        }
    }

    @Test
    void doesNotOpenTheRequestBodyWhenTheApplicationNeverReadsIt() {
        FakeExchange exchange = harness.serve(new FakeExchange().method("POST").body("unread"), (environ, start) -> {
            start.start("200 OK", List.of());
            return List.of();
        });
        assertThat(exchange.bodyOpens()).isZero();
        assertThat(exchange.completed()).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
