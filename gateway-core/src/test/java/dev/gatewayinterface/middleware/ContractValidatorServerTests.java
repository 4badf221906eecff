package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.TestApps.ok;
import static dev.gatewayinterface.middleware.TestApps.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.engine.LogCapture;
import dev.gatewayinterface.engine.TrackingBody;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check what {@link ContractValidator} demands of a server, by driving it directly with a hand-made
 * environ and a misbehaving server: how it uses the body (docs/SPEC.md §1.2, §1.3) and what its
 * {@code start_response}, {@code wsgi.input}, {@code wsgi.errors} and {@code wsgi.file_wrapper} do (§4, §5.4,
 * §8).
 */
class ContractValidatorServerTests {

    private final LogCapture log = LogCapture.of(ContractValidator.class);

    @AfterEach
    void closeLog() {
        log.close();
    }

    static Stream<Trigger> triggers() {
        return Stream.of(
                Trigger.of(ContractRule.BODY_ITERATED_TWICE, "when the server asks for a second iterator",
                        "\"java.util.ArrayList@", server -> {
                            Iterable<byte[]> body = server.call(ok());
                            body.iterator();
                            body.iterator();
                        }),
                Trigger.of(ContractRule.BODY_USED_AFTER_CLOSE, "when the server takes a chunk after close", "next()",
                        server -> {
                            Iterable<byte[]> body = server.call(ok());
                            Iterator<byte[]> chunks = body.iterator();
                            ((AutoCloseable) body).close();
                            chunks.next();
                        }),
                Trigger.of(ContractRule.BODY_USED_AFTER_CLOSE, "when the server iterates only after close",
                        "iterator()", server -> {
                            Iterable<byte[]> body = server.call(ok());
                            ((AutoCloseable) body).close();
                            body.iterator();
                        }),
                Trigger.of(ContractRule.BODY_CLOSED_TWICE, "when the server closes the body twice",
                        "\"dev.gatewayinterface.engine.TrackingBody@", server -> {
                            AutoCloseable body = (AutoCloseable) server.call(tracking(TrackingBody.of("x")));
                            body.close();
                            body.close();
                        }),
                Trigger.of(ContractRule.BODY_NEVER_CLOSED, "when the request ends with the body open",
                        "\"dev.gatewayinterface.engine.TrackingBody@", server -> {
                            server.call(tracking(TrackingBody.of("x"))).forEach(chunk -> { });
                            server.end();
                        }),
                Trigger.of(ContractRule.START_RETURNED_NULL, "when start_response returns no write callable",
                        "\"200 OK\"", server -> server.startResponse((status, headers, excInfo) -> null).serve(ok())),
                Trigger.of(ContractRule.INPUT_READ_RESULT, "when wsgi.input returns more than asked for", "\"body\"",
                        server -> {
                            server.environ().put(Environ.WSGI_INPUT, new BytesInput("body") {

                                @Override
                                public byte[] read(int size) {
                                    return read();
                                }
                            });
                            server.serve(reading(input -> input.read(2)));
                        }),
                Trigger.of(ContractRule.INPUT_READ_RESULT, "when wsgi.input returns null", "readLine() returned null",
                        server -> {
                            server.environ().put(Environ.WSGI_INPUT, new BytesInput("body") {

                                @Override
                                public byte[] readLine() {
                                    return null;
                                }
                            });
                            server.serve(reading(Input::readLine));
                        }),
                Trigger.of(ContractRule.INPUT_READ_RESULT, "when iterating wsgi.input meets a null line",
                        "readLine() returned null", server -> {
                            server.environ().put(Environ.WSGI_INPUT, new BytesInput("body") {

                                @Override
                                public byte[] readLine() {
                                    return null;
                                }
                            });
                            server.serve(reading(input -> input.iterator().next()));
                        }),
                Trigger.of(ContractRule.ERRORS_THREW, "when wsgi.errors throws", "\"oops\\n\"", server -> {
                    server.environ().put(Environ.WSGI_ERRORS, new FailingErrors());
                    server.serve((environ, start) -> {
                        ((Errors) environ.get(Environ.WSGI_ERRORS)).write("oops\n");
                        return ok().call(environ, start);
                    });
                }),
                Trigger.of(ContractRule.FILE_WRAPPER_RESULT, "when wsgi.file_wrapper returns an unclosable body",
                        "\"java.util.ImmutableCollections$List", server -> {
                            server.environ().put(Environ.WSGI_FILE_WRAPPER, (FileWrapper) (file, size) -> List.of());
                            server.serve((environ, start) -> {
                                start.start("200 OK", text());
                                return ((FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER))
                                    .wrap(new ByteArrayInputStream(new byte[1]));
                            });
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void reportsTheServersMisuse(Trigger trigger) {
        trigger.assertReported();
    }

    @Test
    void logsABodyNeverClosedAtErrorWhenTheRequestEnds() throws Exception {
        FakeServer server = new FakeServer();
        server.call(ok()).forEach(chunk -> { });
        assertThat(log.events()).isEmpty();
        server.end();
        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage())
                .startsWith("[gateway-validator] SPEC §1.3: the request ended, but the server never closed the body");
        });
    }

    @Test
    void keepsASecondCloseFromTheApplicationsBody() throws Exception {
        FakeServer server = new FakeServer();
        TrackingBody inner = TrackingBody.of("x");
        AutoCloseable body = (AutoCloseable) server.call(tracking(inner));
        body.close();
        assertThatThrownBy(body::close).isInstanceOf(ContractViolationException.class);
        assertThat(inner.closeCount()).isOne();
    }

    @Test
    void checksEveryLineThatReadLinesReturns() throws Exception {
        FakeServer server = new FakeServer();
        server.environ().put(Environ.WSGI_INPUT, new BytesInput("") {

            @Override
            public List<byte[]> readLines(int hint) {
                return hint == 0 ? List.of("ok\n".getBytes()) : Arrays.asList("a\n".getBytes(), null);
            }
        });
        Input input = (Input) callAndTakeEnviron(server).get(Environ.WSGI_INPUT);
        assertThat(input.readLines(0)).hasSize(1);
        assertThatThrownBy(() -> input.readLines(5)).isInstanceOf(ContractViolationException.class)
            .hasMessageContaining("wsgi.input.readLines(5) returned null");
    }

    @Test
    void checksErrorsFlushAndWriteLinesToo() throws Exception {
        FakeServer server = new FakeServer();
        server.environ().put(Environ.WSGI_ERRORS, new FailingErrors());
        Errors errors = (Errors) callAndTakeEnviron(server).get(Environ.WSGI_ERRORS);
        assertThatThrownBy(errors::flush).hasMessageContaining("wsgi.errors.flush() threw")
            .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> errors.writeLines(List.of("a", "b"))).hasMessageContaining("\"[a, b]\"");
    }

    @Test
    void passesEachViolationToTheListenerOnceEvenWhenTheListenerFails() {
        List<ContractViolationException> seen = new ArrayList<>();
        ContractValidator validator = new ContractValidator(ok(), violation -> {
            seen.add(violation);
            throw new IllegalStateException("listener failed");
        });
        assertThatThrownBy(() -> validator.call(null, null)).isInstanceOf(ContractViolationException.class)
            .isSameAs(seen.get(0));
        assertThat(seen).hasSize(1);
        assertThat(log.events(Level.WARN)).extracting(ILoggingEvent::getFormattedMessage)
            .containsExactly("The contract-violation listener failed on call-arguments");
    }

    private static Map<String, Object> callAndTakeEnviron(FakeServer server) throws Exception {
        Map<String, Object> seen = new HashMap<>();
        server.serve((environ, start) -> {
            seen.putAll(environ);
            return ok().call(environ, start);
        });
        return seen;
    }

    private static Application tracking(TrackingBody body) {
        return (environ, start) -> {
            start.start("200 OK", text());
            return body;
        };
    }

    private static Application reading(InputRead read) {
        return (environ, start) -> {
            read.read((Input) environ.get(Environ.WSGI_INPUT));
            return ok().call(environ, start);
        };
    }

    /** Read from wsgi.input, as an application does. */
    @FunctionalInterface
    private interface InputRead {

        void read(Input input) throws Exception;
    }

    /** Play a server whose error stream breaks its promise never to throw. */
    private static final class FailingErrors implements Errors {

        @Override
        public void write(String text) {
            throw new IllegalStateException("log backend down");
        }

        @Override
        public void writeLines(Iterable<String> lines) {
            throw new IllegalStateException("log backend down");
        }

        @Override
        public void flush() {
            throw new IllegalStateException("log backend down");
        }
    }
}
