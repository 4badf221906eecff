package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check {@code wsgi.file_wrapper} bodies end to end: iterated when they must be, handed to
 * {@link Exchange#transferFile} when they can be, from the stream's current position and within the
 * Content-Length, and closed with the body (docs/SPEC.md §8).
 */
class FileBodyTests {

    private static final String CONTENT = "0123456789abcdef";

    @RegisterExtension
    final GatewayHarness harness = new GatewayHarness();

    @TempDir
    Path directory;

    private Path file;

    @BeforeEach
    void createFile() throws IOException {
        file = Files.writeString(directory.resolve("content.txt"), CONTENT, StandardCharsets.ISO_8859_1);
    }

    @Test
    void iteratesAStreamThatIsNotAFileInBlocks() {
        FakeExchange exchange = new FakeExchange().transferSupported(true);
        serveFile(exchange, new ByteArrayInputStream(bytes(CONTENT)), 5, List.of());
        assertThat(exchange.bodyText()).isEqualTo(CONTENT);
        assertThat(exchange.transferCalls()).isZero();
        assertThat(exchange.flushes()).as("one flush per 5-byte block of 16 bytes").isEqualTo(4);
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void transfersARealFileFromItsCurrentPosition() throws IOException {
        FakeExchange exchange = new FakeExchange().transferSupported(true);
        FileInputStream stream = openAt(4);
        serveFile(exchange, stream, FileWrapper.DEFAULT_BLOCK_SIZE, List.of());
        assertThat(exchange.transferPosition()).isEqualTo(4);
        assertThat(exchange.transferCount()).isEqualTo(12);
        assertThat(exchange.bodyText()).isEqualTo(CONTENT.substring(4));
        assertThat(exchange.header("Content-Length")).isEqualTo("12");
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void transfersNoMoreThanTheDeclaredContentLength() throws IOException {
        FakeExchange exchange = new FakeExchange().transferSupported(true);
        serveFile(exchange, openAt(4), FileWrapper.DEFAULT_BLOCK_SIZE, List.of(new Header("Content-Length", "5")));
        assertThat(exchange.transferPosition()).isEqualTo(4);
        assertThat(exchange.transferCount()).isEqualTo(5);
        assertThat(exchange.bodyText()).isEqualTo("45678");
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void abortsATransferShorterThanTheDeclaredContentLength() throws IOException {
        FakeExchange exchange = new FakeExchange().transferSupported(true);
        serveFile(exchange, openAt(4), FileWrapper.DEFAULT_BLOCK_SIZE, List.of(new Header("Content-Length", "100")));
        assertThat(exchange.bodyText()).isEqualTo(CONTENT.substring(4));
        assertThat(exchange.aborted()).isTrue();
        assertThat(exchange.completed()).isFalse();
    }

    @Test
    void iteratesFromTheCurrentPositionWhenTheServerCannotTransfer() throws IOException {
        FakeExchange exchange = new FakeExchange().transferSupported(false);
        serveFile(exchange, openAt(4), 3, List.of());
        assertThat(exchange.transferCalls()).isOne();
        assertThat(exchange.bodyText()).isEqualTo(CONTENT.substring(4));
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void iteratesNoMoreThanTheDeclaredContentLengthWhenTheServerCannotTransfer() throws IOException {
        FakeExchange exchange = new FakeExchange().transferSupported(false);
        serveFile(exchange, openAt(4), 3, List.of(new Header("Content-Length", "5")));
        assertThat(exchange.bodyText()).isEqualTo("45678");
        assertThat(exchange.completed()).isTrue();
    }

    @ParameterizedTest(name = "transfer supported: {0}")
    @ValueSource(booleans = { true, false })
    void countsWriteOutputTowardsTheContentLengthOfAFileBody(boolean transferSupported) throws IOException {
        FakeExchange exchange = new FakeExchange().transferSupported(transferSupported);
        FileInputStream stream = openAt(0);
        harness.serve(exchange, (environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Length", "10"))).write(bytes("head:"));
            return wrapper(environ).wrap(stream);
        });
        assertThat(exchange.bodyText()).isEqualTo("head:01234");
        assertThat(exchange.completed()).isTrue();
    }

    @ParameterizedTest(name = "transfer supported: {0}")
    @ValueSource(booleans = { true, false })
    void sendsAnEmptyBodyWithContentLengthZeroForAFileAtItsEnd(boolean transferSupported) throws IOException {
        FakeExchange exchange = new FakeExchange().transferSupported(transferSupported);
        serveFile(exchange, openAt(CONTENT.length()), FileWrapper.DEFAULT_BLOCK_SIZE, List.of());
        assertThat(exchange.bodyBytes()).isEmpty();
        assertThat(exchange.header("Content-Length")).isEqualTo("0");
        assertThat(exchange.completed()).isTrue();
    }

    @ParameterizedTest(name = "transfer supported: {0}")
    @ValueSource(booleans = { true, false })
    void sendsTheContentOfAFileThatReportsSizeZero(boolean transferSupported) throws IOException {
        Path procFile = Path.of("/proc/self/status");
        assumeTrue(Files.isReadable(procFile) && Files.size(procFile) == 0, "needs a /proc file, which reports size 0");
        FakeExchange exchange = new FakeExchange().transferSupported(transferSupported);
        serveFile(exchange, new FileInputStream(procFile.toFile()), FileWrapper.DEFAULT_BLOCK_SIZE, List.of());
        assertThat(exchange.bodyText()).startsWith("Name:");
        assertThat(exchange.completed()).isTrue();
    }

    @ParameterizedTest(name = "transfer supported: {0}")
    @ValueSource(booleans = { true, false })
    void closesTheFileWithTheBody(boolean transferSupported) throws IOException {
        FileInputStream stream = openAt(0);
        serveFile(new FakeExchange().transferSupported(transferSupported), stream, 4, List.of());
        assertThat(stream.getChannel().isOpen()).isFalse();
    }

    @Test
    void closesTheFileWhenTheClientGoesAway() throws IOException {
        FileInputStream stream = openAt(0);
        FakeExchange exchange = new FakeExchange().failWritesAfter(3);
        serveFile(exchange, stream, 4, List.of());
        assertThat(exchange.aborted()).isTrue();
        assertThat(stream.getChannel().isOpen()).isFalse();
    }

    @Test
    void sendsNoFileBytesToAHeadRequest() throws IOException {
        FileInputStream stream = openAt(0);
        FakeExchange exchange = new FakeExchange().method("HEAD").transferSupported(true);
        serveFile(exchange, stream, 4, List.of());
        assertThat(exchange.bodyBytes()).isEmpty();
        assertThat(exchange.transferCalls()).isZero();
        assertThat(exchange.completed()).isTrue();
        assertThat(stream.getChannel().isOpen()).isFalse();
    }

    @Test
    void answers500ForAFileBodyReturnedBeforeStartResponse() throws IOException {
        FileInputStream stream = openAt(0);
        FakeExchange exchange = new FakeExchange().transferSupported(true);
        harness.serve(exchange, (environ, start) -> wrapper(environ).wrap(stream));
        assertThat(exchange.status()).isEqualTo(500);
        assertThat(exchange.bodyText()).doesNotContain(CONTENT);
        assertThat(stream.getChannel().isOpen()).isFalse();
    }

    @Test
    void refusesANullStreamOrABlockSizeThatIsNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> FileBody.WRAPPER.wrap(null))
                .withMessageContaining("null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FileBody.WRAPPER.wrap(new ByteArrayInputStream(new byte[1]), 0))
                .withMessageContaining("0");
    }

    @Test
    void yieldsBlocksOfTheRequestedSizeAndAShorterLastOne() {
        List<String> blocks = new ArrayList<>();
        FileBody.WRAPPER.wrap(new ByteArrayInputStream(bytes(CONTENT)), 6)
                .forEach(block -> blocks.add(new String(block, StandardCharsets.ISO_8859_1)));
        assertThat(blocks).containsExactly("012345", "6789ab", "cdef");
    }

    private FileInputStream openAt(long offset) throws IOException {
        FileInputStream stream = new FileInputStream(file.toFile());
        assertThat(stream.skip(offset)).isEqualTo(offset);
        return stream;
    }

    /** Serve an application that starts a 200 with the given headers and returns the stream as a file body. */
    private void serveFile(FakeExchange exchange, InputStream stream, int blockSize, List<Header> headers) {
        harness.serve(exchange, (environ, start) -> {
            start.start("200 OK", headers);
            return wrapper(environ).wrap(stream, blockSize);
        });
    }

    private static FileWrapper wrapper(Map<String, Object> environ) {
        return (FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
