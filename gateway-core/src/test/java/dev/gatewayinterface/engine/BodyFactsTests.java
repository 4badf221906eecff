package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.middleware.ForwardingBody;
import dev.gatewayinterface.middleware.SerializedApplication;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check that what the engine knows of a body — its length, the file behind it — survives every wrapper of the
 * project and a user's {@link ForwardingBody}, so that wrapping changes neither the headers nor the path to the
 * socket (docs/SPEC.md §1.4).
 */
class BodyFactsTests {

    private static final String CONTENT = "0123456789abcdef";

    @RegisterExtension
    final GatewayHarness harness = new GatewayHarness();

    @TempDir
    Path folder;

    static Stream<Arguments> wrappers() {
        return Stream.of(
                Arguments.of("nothing", (UnaryOperator<Application>) application -> application),
                Arguments.of("SerializedApplication", (UnaryOperator<Application>) SerializedApplication::new),
                Arguments.of("ContractValidator", (UnaryOperator<Application>) ContractValidator::new),
                Arguments.of("a user's ForwardingBody", (UnaryOperator<Application>) application ->
                        (environ, start) -> new ForwardingBody(application.call(environ, start))),
                Arguments.of("all of them", (UnaryOperator<Application>) application -> new ContractValidator(
                        new SerializedApplication((environ, start) -> new ForwardingBody(application.call(environ, start))))));
    }

    @ParameterizedTest(name = "wrapped in {0}")
    @MethodSource("wrappers")
    void setsContentLengthForAOneChunkBody(String wrapper, UnaryOperator<Application> wrap) {
        FakeExchange exchange = harness.serve(wrap.apply(hello()));
        assertThat(exchange.header("Content-Length")).isEqualTo("6");
        assertThat(exchange.bodyText()).isEqualTo("hello\n");
    }

    @ParameterizedTest(name = "wrapped in {0}")
    @MethodSource("wrappers")
    void answersHeadWithTheContentLengthGetWouldCarry(String wrapper, UnaryOperator<Application> wrap) {
        FakeExchange exchange = harness.serve(new FakeExchange().method("HEAD"), wrap.apply(hello()));
        assertThat(exchange.header("Content-Length")).isEqualTo("6");
        assertThat(exchange.bodyBytes()).isEmpty();
    }

    @ParameterizedTest(name = "wrapped in {0}")
    @MethodSource("wrappers")
    void sendsAFileWrapperBodyThroughTheBindingsFilePath(String wrapper, UnaryOperator<Application> wrap)
            throws IOException {
        Path file = Files.writeString(folder.resolve("sent.txt"), CONTENT);
        FakeExchange exchange = new FakeExchange().transferSupported(true);
        harness.serve(exchange, wrap.apply((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return ((FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER)).wrap(new FileInputStream(file.toFile()));
        }));
        assertThat(exchange.transferCalls()).isEqualTo(1);
        assertThat(exchange.transferCount()).isEqualTo(CONTENT.length());
        assertThat(exchange.header("Content-Length")).isEqualTo(Integer.toString(CONTENT.length()));
        assertThat(exchange.bodyText()).isEqualTo(CONTENT);
    }

    @ParameterizedTest(name = "wrapped in {0}")
    @MethodSource("wrappers")
    void givesHeadNoContentLengthForABodyOfOneEmptyChunk(String wrapper, UnaryOperator<Application> wrap) {
        FakeExchange exchange = harness.serve(new FakeExchange().method("HEAD"), wrap.apply((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(new byte[0]);
        }));
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.header("Content-Length")).isNull();
    }

    private static Application hello() {
        return (environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("hello\n".getBytes(StandardCharsets.US_ASCII));
        };
    }
}
