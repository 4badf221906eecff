package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check {@code wsgi.input} as Python file semantics would have it, and that it ends at the declared length
 * without consuming a pipelined request that follows on the connection (docs/SPEC.md §4).
 */
class RequestInputTests {

    private static final String NEXT_REQUEST = "GET /next HTTP/1.1\r\n\r\n";

    /** Beyond RequestInput's 8192-byte buffer, so lines and reads cross a refill. */
    private static final int BEYOND_BUFFER = 8192 + 1000;

    @Test
    void readsUpToTheRequestedSize() throws IOException {
        RequestInput input = input("hello world");
        assertThat(text(input.read(5))).isEqualTo("hello");
        assertThat(text(input.read(100))).isEqualTo(" world");
        assertThat(input.read(5)).isEmpty();
    }

    @Test
    void readsAllThatIsLeft() throws IOException {
        RequestInput input = input("hello world");
        input.read(6);
        assertThat(text(input.read())).isEqualTo("world");
        assertThat(input.read()).isEmpty();
    }

    @Test
    void readsAllThatIsLeftForANegativeSize() throws IOException {
        assertThat(text(input("hello").read(-1))).isEqualTo("hello");
    }

    @Test
    void readsNothingForSizeZeroWithoutOpeningTheBody() throws IOException {
        CountingSource source = new CountingSource("hello", "");
        RequestInput input = new RequestInput(source, 5);
        assertThat(input.read(0)).isEmpty();
        assertThat(input.readLine(0)).isEmpty();
        assertThat(source.opens).isZero();
    }

    @Test
    void readsAHugeSizeWithoutAllocatingIt() throws IOException {
        RequestInput input = input("small body");
        assertThat(text(input.read(Integer.MAX_VALUE))).isEqualTo("small body");
        assertThat(input.read(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void readsABodyLargerThanTheBufferInOneCall() throws IOException {
        String body = "x".repeat(BEYOND_BUFFER * 3);
        assertThat(text(input(body).read(body.length()))).isEqualTo(body);
        assertThat(text(input(body).read())).isEqualTo(body);
    }

    @Test
    void readsLinesIncludingTheirNewline() throws IOException {
        RequestInput input = input("one\ntwo\r\n\nlast");
        assertThat(text(input.readLine())).isEqualTo("one\n");
        assertThat(text(input.readLine())).isEqualTo("two\r\n");
        assertThat(text(input.readLine())).isEqualTo("\n");
        assertThat(text(input.readLine())).isEqualTo("last");
        assertThat(input.readLine()).isEmpty();
    }

    @Test
    void readsALongLineInPiecesOfTheRequestedSize() throws IOException {
        RequestInput input = input("abcdefgh\nxy\n");
        assertThat(text(input.readLine(3))).isEqualTo("abc");
        assertThat(text(input.readLine(3))).isEqualTo("def");
        assertThat(text(input.readLine(3))).isEqualTo("gh\n");
        assertThat(text(input.readLine(3))).isEqualTo("xy\n");
        assertThat(input.readLine(3)).isEmpty();
    }

    @Test
    void readsLinesThatCrossTheBufferBoundary() throws IOException {
        String first = "a".repeat(8000) + "\n";
        String second = "b".repeat(500) + "\n";
        String third = "c".repeat(BEYOND_BUFFER * 2) + "\n";
        RequestInput input = input(first + second + third + "end");
        assertThat(text(input.readLine())).isEqualTo(first);
        assertThat(text(input.readLine())).isEqualTo(second);
        assertThat(text(input.readLine())).isEqualTo(third);
        assertThat(text(input.readLine())).isEqualTo("end");
        assertThat(input.readLine()).isEmpty();
    }

    @Test
    void limitsALineThatCrossesTheBufferBoundary() throws IOException {
        String line = "z".repeat(BEYOND_BUFFER) + "\n";
        RequestInput input = input("12345" + line);
        assertThat(text(input.readLine(5))).isEqualTo("12345");
        assertThat(text(input.readLine(9000))).isEqualTo(line.substring(0, 9000));
        assertThat(text(input.readLine(9000))).isEqualTo(line.substring(9000));
    }

    @ParameterizedTest(name = "at most {0} bytes per read")
    @ValueSource(ints = { 1, 3, 7 })
    void readsTheSameFromAStreamThatTricklesBytes(int perRead) throws IOException {
        String body = "first line\n" + "x".repeat(BEYOND_BUFFER) + "\nlast";
        RequestInput input = new RequestInput(() -> new TrickleStream(bytes(body + NEXT_REQUEST), perRead), body.length());
        assertThat(text(input.readLine())).isEqualTo("first line\n");
        assertThat(text(input.read(4))).isEqualTo("xxxx");
        assertThat(text(input.readLine())).hasSize(BEYOND_BUFFER - 4 + 1);
        assertThat(text(input.read())).isEqualTo("last");
    }

    @ParameterizedTest(name = "hint {0}")
    @CsvSource({ "1, 1", "2, 1", "3, 2", "5, 2", "6, 3", "100, 3", "0, 3", "-1, 3" })
    void readsLinesUntilTheHintIsReached(int hint, int lineCount) throws IOException {
        List<String> lines = texts(input("a\nbb\nccc\n").readLines(hint));
        assertThat(lines).containsExactlyElementsOf(List.of("a\n", "bb\n", "ccc\n").subList(0, lineCount));
    }

    @Test
    void returnsNoLinesAtEndOfInput() throws IOException {
        RequestInput input = input("only\n");
        input.read();
        assertThat(input.readLines(0)).isEmpty();
        assertThat(input.iterator().hasNext()).isFalse();
    }

    @Test
    void iteratesLineByLine() {
        List<String> lines = new ArrayList<>();
        for (byte[] line : input("one\ntwo\nthree")) {
            lines.add(text(line));
        }
        assertThat(lines).containsExactly("one\n", "two\n", "three");
    }

    @Test
    void endsAtTheContentLengthAlthoughTheConnectionHasMore() throws IOException {
        FakeExchange exchange = new FakeExchange().body("hel\nlo").pipelined(NEXT_REQUEST);
        RequestInput input = new RequestInput(exchange::body, exchange.contentLength());
        assertThat(text(input.readLine())).isEqualTo("hel\n");
        assertThat(text(input.readLine())).isEqualTo("lo");
        assertThat(input.readLine()).isEmpty();
        assertThat(input.read()).isEmpty();
        assertThat(input.asStream().read()).isEqualTo(-1);
        assertThat(exchange.unreadConnectionBytes()).as("the next request is left on the connection")
                .isEqualTo(NEXT_REQUEST.length());
    }

    @Test
    void endsAtTheContentLengthWhenReadingEverything() throws IOException {
        FakeExchange exchange = new FakeExchange().body("x".repeat(BEYOND_BUFFER)).pipelined(NEXT_REQUEST);
        RequestInput input = new RequestInput(exchange::body, exchange.contentLength());
        assertThat(input.read()).hasSize(BEYOND_BUFFER);
        assertThat(exchange.unreadConnectionBytes()).isEqualTo(NEXT_REQUEST.length());
    }

    @Test
    void readsToTheEndOfTheStreamWhenTheLengthIsUnknown() throws IOException {
        RequestInput input = new RequestInput(new CountingSource("chunked upload", ""), -1);
        assertThat(text(input.readLine())).isEqualTo("chunked upload");
        assertThat(input.read()).isEmpty();
    }

    @Test
    void returnsWhatThereIsWhenTheStreamEndsBeforeTheContentLength() throws IOException {
        RequestInput input = new RequestInput(new CountingSource("short", ""), 100);
        assertThat(text(input.read(100))).isEqualTo("short");
        assertThat(input.read(100)).isEmpty();
    }

    @Test
    void sharesOnePositionBetweenReadsAndTheStreamView() throws IOException {
        RequestInput input = input("abcdefgh\nrest");
        InputStream stream = input.asStream();
        assertThat(text(input.read(2))).isEqualTo("ab");
        assertThat(stream.read()).isEqualTo('c');
        byte[] two = new byte[2];
        assertThat(stream.read(two, 0, 2)).isEqualTo(2);
        assertThat(text(two)).isEqualTo("de");
        assertThat(text(input.readLine())).isEqualTo("fgh\n");
        assertThat(text(stream.readAllBytes())).isEqualTo("rest");
        assertThat(input.read()).isEmpty();
        assertThat(stream.read()).isEqualTo(-1);
    }

    @Test
    void ignoresACloseOfTheStreamView() throws IOException {
        RequestInput input = input("still readable");
        input.asStream().close();
        assertThat(text(input.read())).isEqualTo("still readable");
    }

    @Test
    void opensTheBodyOnlyOnTheFirstRead() throws IOException {
        CountingSource source = new CountingSource("body", NEXT_REQUEST);
        RequestInput input = new RequestInput(source, 4);
        input.iterator();
        input.asStream();
        assertThat(source.opens).isZero();
        input.read(1);
        input.read();
        assertThat(source.opens).isOne();
    }

    @Test
    void neverOpensAnEmptyBody() throws IOException {
        CountingSource source = new CountingSource("", NEXT_REQUEST);
        RequestInput input = new RequestInput(source, 0);
        assertThat(input.read()).isEmpty();
        assertThat(input.readLine()).isEmpty();
        assertThat(source.opens).isZero();
    }

    @Test
    void failsABodyOfUnknownLengthOnceItGrowsPastTheLimit() throws IOException {
        RequestInput input = new RequestInput(new CountingSource("x".repeat(20), ""), -1,
                RequestLimits.DEFAULTS.withMaxRequestBody(10, "gateway.apps.up.limits.max-request-body"));
        assertThatExceptionOfType(RequestBodyException.class).isThrownBy(input::read)
            .satisfies(ex -> assertThat(ex.status()).isEqualTo(413))
            .withMessageContaining("longer than 10 bytes")
            .withMessageContaining("gateway.apps.up.limits.max-request-body");
        assertThat(input.failure()).isNotNull();
        assertThatExceptionOfType(RequestBodyException.class).as("every later read").isThrownBy(() -> input.read(1));
    }

    @Test
    void readsABodyUpToTheLimit() throws IOException {
        RequestInput input = new RequestInput(new CountingSource("x".repeat(10), ""), -1,
                RequestLimits.DEFAULTS.withMaxRequestBody(10, "gateway.limits.max-request-body"));
        assertThat(input.read()).hasSize(10);
        assertThat(input.failure()).isNull();
    }

    @Test
    void failsABodyTheClientSendsSlowerThanTheMinimumRate() {
        // A client that sends a byte every 20 ms, held to a kilobyte a second once 100 ms were waited for it.
        InputStream dribbling = new InputStream() {

            @Override
            public int read() {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
                return 'x';
            }

            @Override
            public int read(byte[] bytes, int offset, int length) {
                bytes[offset] = (byte) read();
                return 1;
            }
        };
        RequestInput input = new RequestInput(() -> dribbling, -1, RequestLimits.DEFAULTS
            .withMinBodyRate(1024, java.time.Duration.ofMillis(100)));
        assertThatExceptionOfType(RequestBodyException.class).isThrownBy(input::read)
            .satisfies(ex -> assertThat(ex.status()).isEqualTo(408))
            .withMessageContaining("slower than the 1024 bytes a second gateway.timeouts.min-body-rate asks");
    }

    @Test
    void keepsTheClientsFaultTheBodyStreamReported() {
        RequestBodyException broken = RequestBodyException.malformed("the chunk-size line \"5 \" is malformed", null);
        RequestInput input = new RequestInput(() -> new InputStream() {

            @Override
            public int read() throws IOException {
                throw broken;
            }
        }, -1);
        assertThatExceptionOfType(RequestBodyException.class).isThrownBy(input::read).isSameAs(broken);
        assertThat(input.failure()).isSameAs(broken);
    }

    private static RequestInput input(String body) {
        return new RequestInput(new CountingSource(body, NEXT_REQUEST), body.length());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static List<String> texts(List<byte[]> chunks) {
        return chunks.stream().map(RequestInputTests::text).toList();
    }

    /** Serve a body followed by more connection bytes, counting how often the engine opens it. */
    private static final class CountingSource implements RequestInput.InputStreamSource {

        private final byte[] connection;

        private int opens;

        CountingSource(String body, String after) {
            this.connection = bytes(body + after);
        }

        @Override
        public InputStream open() {
            opens++;
            return new ByteArrayInputStream(connection);
        }
    }

    /** Return at most a few bytes per read, and sometimes none, as a slow network does. */
    private static final class TrickleStream extends InputStream {

        private final InputStream delegate;

        private final int perRead;

        private boolean zeroNext = true;

        TrickleStream(byte[] data, int perRead) {
            this.delegate = new ByteArrayInputStream(data);
            this.perRead = perRead;
        }

        @Override
        public int read() throws IOException {
            return delegate.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            zeroNext = !zeroNext;
            if (zeroNext && len > 0) {
                return 0;
            }
            return delegate.read(b, off, Math.min(len, perRead));
        }
    }
}
