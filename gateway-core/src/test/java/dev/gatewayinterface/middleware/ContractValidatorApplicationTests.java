package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.TestApps.bytes;
import static dev.gatewayinterface.middleware.TestApps.ok;
import static dev.gatewayinterface.middleware.TestApps.responding;
import static dev.gatewayinterface.middleware.TestApps.respondingWith;
import static dev.gatewayinterface.middleware.TestApps.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Body;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.Write;
import dev.gatewayinterface.engine.TrackingBody;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check what {@link ContractValidator} demands of how an application uses the contract: its body, the
 * {@code write} callable, {@code Content-Length}, {@code wsgi.input} and {@code wsgi.file_wrapper}
 * (docs/SPEC.md §1.2, §4.1, §5.4, §5.5, §6.3, §8, §11.2).
 */
class ContractValidatorApplicationTests {

    private static final Header LENGTH_3 = new Header("Content-Length", "3");

    static Stream<Trigger> triggers() {
        return Stream.of(
                Trigger.of(ContractRule.BODY_NULL, "when the application returns null", "returned null",
                        server -> server.serve((environ, start) -> {
                            start.start("200 OK", text());
                            return null;
                        })),
                Trigger.of(ContractRule.CHUNK_NULL, "when the body yields null", "yielded null",
                        server -> server.serve((environ, start) -> {
                            start.start("200 OK", text());
                            return Arrays.asList(bytes("a"), null);
                        })),
                Trigger.of(ContractRule.BODY_BEFORE_START, "when a chunk comes before start_response", "\"early\"",
                        server -> server.serve((environ, start) -> List.of(bytes("early")))),
                Trigger.of(ContractRule.START_NEVER_CALLED, "when an empty body ends without start_response",
                        "\"java.util.ImmutableCollections$List", server -> server.serve((environ, start) -> List.of())),
                Trigger.of(ContractRule.HEAD_BODY, "when a HEAD response yields a chunk", "\"HEAD\"",
                        server -> server.method("HEAD").serve(responding(text(), "hello"))),
                Trigger.of(ContractRule.HEAD_BODY, "when a HEAD response writes", "\"hello\"",
                        server -> server.method("HEAD").serve((environ, start) -> {
                            start.start("200 OK", text()).write(bytes("hello"));
                            return List.of();
                        })),
                Trigger.of(ContractRule.BODY_FORBIDDEN, "when a 304 yields a chunk", "\"304 Not Modified\"",
                        server -> server.serve(respondingWith("304 Not Modified", List.of(), "stale"))),
                Trigger.of(ContractRule.BODY_FORBIDDEN, "when a 204 writes", "\"204 No Content\"",
                        server -> server.serve((environ, start) -> {
                            start.start("204 No Content", List.of()).write(bytes("x"));
                            return List.of();
                        })),
                Trigger.of(ContractRule.BODY_BEYOND_CONTENT_LENGTH, "when a chunk goes beyond it", "Content-Length \"3\"",
                        server -> server.serve(responding(text(LENGTH_3), "ab", "cd"))),
                Trigger.of(ContractRule.CONTENT_LENGTH_EXCEEDED, "when write() goes beyond it", "\"four\"",
                        server -> server.serve((environ, start) -> {
                            start.start("200 OK", text(LENGTH_3)).write(bytes("four"));
                            return List.of();
                        })),
                Trigger.of(ContractRule.CONTENT_LENGTH_SHORT, "when the body ends short of it", "Content-Length \"3\"",
                        server -> server.serve(responding(text(LENGTH_3), "ab"))),
                Trigger.of(ContractRule.WRITE_NULL, "when write() is passed null", "null",
                        server -> server.serve((environ, start) -> {
                            start.start("200 OK", text()).write(null);
                            return List.of();
                        })),
                Trigger.of(ContractRule.WRITE_AFTER_CLOSE, "when a kept write() is called after close", "\"late\"",
                        server -> {
                            AtomicReference<Write> kept = new AtomicReference<>();
                            server.serve((environ, start) -> {
                                kept.set(start.start("200 OK", text()));
                                return List.of();
                            });
                            kept.get().write(bytes("late"));
                        }),
                Trigger.of(ContractRule.FILE_WRAPPER_ARGUMENTS, "when wsgi.file_wrapper is passed null", "null",
                        server -> server.serve(wrapping(null, 8192))),
                Trigger.of(ContractRule.FILE_WRAPPER_ARGUMENTS, "when the block size is 0", "\"0\"",
                        server -> server.serve(wrapping(new ByteArrayInputStream(bytes("file")), 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void throwsTheViolationWhereItHappens(Trigger trigger) {
        trigger.assertReported();
    }

    @Test
    void acceptsStartResponseCalledLazilyOnTheFirstIteration() throws Exception {
        FakeServer server = new FakeServer().serve((environ, start) ->
                TrackingBody.of("lazy").onFirstIteration(() -> start.start("200 OK", text())));
        assertThat(server.reported()).isEmpty();
        assertThat(server.bodyText()).isEqualTo("lazy");
    }

    @Test
    void acceptsEmptyChunksBeforeStartResponse() throws Exception {
        FakeServer server = new FakeServer().serve((environ, start) -> TrackingBody.of("", "", "late start")
                .beforeChunk(index -> {
                    if (index == 2) {
                        start.start("200 OK", text());
                    }
                }));
        assertThat(server.reported()).isEmpty();
        assertThat(server.bodyText()).isEqualTo("late start");
    }

    @Test
    void countsWriteAndTheBodyTogetherAgainstContentLength() throws Exception {
        FakeServer server = new FakeServer().serve((environ, start) -> {
            start.start("200 OK", text(new Header("Content-Length", "6"))).write(bytes("abc"));
            return List.of(bytes("de"), bytes(""), bytes("f"));
        });
        assertThat(server.reported()).isEmpty();
        assertThat(server.bodyText()).isEqualTo("abcdef");
    }

    @Test
    void acceptsAHeadResponseThatDeclaresTheLengthOfABodyItDoesNotSend() throws Exception {
        FakeServer server = new FakeServer().method("HEAD").serve(responding(text(new Header("Content-Length", "5"))));
        assertThat(server.reported()).isEmpty();
    }

    @Test
    void acceptsTheBodyOfAHeadResponseAsWsgirefDoes() throws Exception {
        FakeServer server = new FakeServer().method("HEAD").serve((environ, start) -> {
            start.start("200 OK", text(new Header("Content-Length", "5"))).write(bytes("he"));
            return List.of(bytes("llo"));
        });
        assertThat(server.reported()).isEmpty();
    }

    @Test
    void acceptsABodyBeyondItsContentLengthForTheServerToCutAsPep3333Says() throws Exception {
        // A 206 range served through wsgi.file_wrapper: the file goes on past the range; the server stops at its end.
        FakeServer server = new FakeServer().serve((environ, start) -> {
            start.start("206 Partial Content", text(LENGTH_3, new Header("Content-Range", "bytes 0-2/6")));
            return ((FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER)).wrap(new ByteArrayInputStream(bytes("abcdef")), 2);
        });
        assertThat(server.reported()).isEmpty();
    }

    @Test
    void letsTheApplicationCloseTheStreamViewOfWsgiInputAsTryWithResourcesDoes() throws Exception {
        FakeServer server = new FakeServer();
        server.environ().put(Environ.WSGI_INPUT, new BytesInput("{\"a\": 1}"));
        server.serve((environ, start) -> {
            try (InputStream body = ((Input) environ.get(Environ.WSGI_INPUT)).asStream()) {
                body.readAllBytes();
            }
            return ok().call(environ, start);
        });
        assertThat(server.reported()).isEmpty();
    }

    @Test
    void acceptsABodyFromWsgiFileWrapper() throws Exception {
        FakeServer server = new FakeServer().serve(wrapping(new ByteArrayInputStream(bytes("file body")), 4));
        assertThat(server.reported()).isEmpty();
        assertThat(server.bodyText()).isEqualTo("file body");
    }

    @Test
    void readsTheRequestBodyThroughTheChecksInEveryWay() throws Exception {
        FakeServer server = new FakeServer();
        server.environ().put(Environ.WSGI_INPUT, new BytesInput("ab\ncd\nef\ngh\nrest"));
        List<String> reads = new ArrayList<>();
        server.serve((environ, start) -> {
            Input input = (Input) environ.get(Environ.WSGI_INPUT);
            reads.add(new String(input.read(1)));
            reads.add(new String(input.readLine()));
            reads.add(new String(input.readLine(1)));
            reads.add(input.readLines(1).size() + " line");
            Iterator<byte[]> lines = input.iterator();
            reads.add(new String(lines.next()));
            reads.add(new String(input.asStream().readAllBytes()));
            reads.add(new String(input.read()) + "|" + new String(input.read(-1)));
            return ok().call(environ, start);
        });
        assertThat(server.reported()).isEmpty();
        assertThat(reads).containsExactly("a", "b\n", "c", "1 line", "ef\n", "gh\nrest", "|");
    }

    @Test
    void passesTheLengthOfAOneChunkBodyOnToTheServer() throws Exception {
        FakeServer server = new FakeServer();
        Iterable<byte[]> body = server.call(ok());
        assertThat(Body.lengthOf(body)).isEqualTo(2);
        assertThat(body.toString()).doesNotContain("ok");
        Iterator<byte[]> chunks = body.iterator();
        assertThat(new String(chunks.next(), StandardCharsets.US_ASCII)).isEqualTo("ok");
        assertThat(chunks.hasNext()).isFalse();
        ((AutoCloseable) body).close();
        server.end();
        assertThat(server.reported()).isEmpty();
    }

    @Test
    void leavesAShortBodyAloneWhenTheServerStopsIteratingEarly() throws Exception {
        FakeServer server = new FakeServer();
        TrackingBody inner = TrackingBody.of("ab", "c");
        Iterable<byte[]> body = server.call((environ, start) -> {
            start.start("200 OK", text(LENGTH_3));
            return inner;
        });
        body.iterator().next();
        ((AutoCloseable) body).close();
        server.end();
        assertThat(server.reported()).isEmpty();
        assertThat(inner.closeCount()).isOne();
    }

    private static Application wrapping(InputStream file, int blockSize) {
        return (environ, start) -> {
            start.start("200 OK", text());
            return ((FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER)).wrap(file, blockSize);
        };
    }
}
