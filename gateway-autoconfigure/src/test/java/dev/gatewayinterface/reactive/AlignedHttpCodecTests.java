package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.NettyPipeline;

/**
 * Check the codec the Reactor Netty guard puts in place of Reactor Netty's (docs/SPEC.md §14.5): it decodes as
 * Netty's does, but ends a chunked body whose chunk-size line Tomcat would refuse with a decoding failure, which
 * Reactor Netty answers 400; and it encodes as Netty's server codec does.
 */
class AlignedHttpCodecTests {

    private static final String CHUNKED_HEAD = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    private final EmbeddedChannel channel = aligned();

    private static EmbeddedChannel aligned() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(NettyPipeline.HttpCodec, new HttpServerCodec());
        AlignedHttpCodec.replace(channel.pipeline(), new HttpDecoderConfig().setStrictLineParsing(false));
        return channel;
    }

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void endsTheBodyWithAFailureAtWhitespaceAfterAChunkSize() {
        receive(CHUNKED_HEAD + "5 \r\nhello\r\n0\r\n\r\n");
        assertRefusedWithoutContent("a space follows the chunk size (RFC 9112 §7.1)");
    }

    @Test
    void endsTheBodyWithAFailureAtWhitespaceBeforeAChunkSize() {
        receive(CHUNKED_HEAD + " 5\r\nhello\r\n0\r\n\r\n");
        assertRefusedWithoutContent("a chunk-size line starts with a space, not a hex digit (RFC 9112 §7.1)");
    }

    @Test
    void endsTheBodyWithAFailureAtWhitespaceBeforeAChunkExtension() {
        receive(CHUNKED_HEAD + "5 ;a=b\r\nhello\r\n0\r\n\r\n");
        assertRefusedWithoutContent("a space follows the chunk size (RFC 9112 §7.1)");
    }

    @Test
    void endsTheBodyWithAFailureAtASemicolonNamingNoExtension() {
        receive(CHUNKED_HEAD + "5;\r\nhello\r\n0\r\n\r\n");
        assertRefusedWithoutContent("a chunk extension has no name (RFC 9112 §7.1)");
    }

    @Test
    void endsTheBodyWithAFailureAtALastChunkLineTomcatWouldRefuseBehindGoodChunks() {
        receive(CHUNKED_HEAD + "5\r\nhello\r\n0 \r\n\r\n");
        List<Object> messages = readAll();
        assertThat(messages).hasSize(3);
        assertThat(text(messages.get(1))).isEqualTo("hello");
        assertThat(messages.get(2)).isInstanceOfSatisfying(LastHttpContent.class, last -> assertThat(last
            .decoderResult().cause()).hasMessage("a space follows the chunk size (RFC 9112 §7.1)"));
        release(messages);
    }

    @Test
    void readsChunkSizeLinesAsTomcatDoesWhenEachByteArrivesAlone() {
        String body = "5;name=value; other = \"quoted\"\r\nhello\r\nA\r\n0123456789\r\n0;last\r\nTrailer: t\r\n\r\n";
        for (byte b : (CHUNKED_HEAD + body + "GET /b HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII)) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] { b }));
        }
        List<Object> messages = readAll();
        StringBuilder content = new StringBuilder();
        List<String> uris = new ArrayList<>();
        for (Object message : messages) {
            assertThat(((DecoderResultProvider) message).decoderResult().isSuccess()).isTrue();
            if (message instanceof HttpRequest request) {
                uris.add(request.uri());
            }
            if (message instanceof HttpContent part) {
                content.append(part.content().toString(StandardCharsets.US_ASCII));
            }
        }
        assertThat(uris).containsExactly("/a", "/b");
        assertThat(content).hasToString("hello0123456789");
        assertThat(messages).filteredOn(LastHttpContent.class::isInstance).hasSize(2);
        release(messages);
    }

    @Test
    void followsTheNextRequestWhenTheDecoderIsToldToStartOverInsideAChunk() {
        receive(CHUNKED_HEAD + "5\r\nhel");
        release(readAll());
        ((HttpRequestDecoder) channel.pipeline().get(NettyPipeline.HttpCodec)).reset();
        receive("GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        List<Object> messages = readAll();
        assertThat(messages.get(0)).isInstanceOfSatisfying(HttpRequest.class, request -> {
            assertThat(request.uri()).isEqualTo("/b");
            assertThat(request.decoderResult().isSuccess()).isTrue();
        });
        assertThat(messages).allSatisfy(message -> assertThat(((DecoderResultProvider) message).decoderResult()
            .isSuccess()).isTrue());
        release(messages);
    }

    @Test
    void leavesAFixedLengthBodyThatLooksLikeABadChunkAlone() {
        receive("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n5 \r\n");
        List<Object> messages = readAll();
        assertThat(text(messages.get(messages.size() - 1))).isEqualTo("5 \r\n");
        assertThat(((LastHttpContent) messages.get(messages.size() - 1)).decoderResult().isSuccess()).isTrue();
        release(messages);
    }

    @Test
    void sendsNoBodyInTheResponseToAHeadRequestEvenBehindAnInterimResponse() {
        receive("HEAD /a HTTP/1.1\r\nHost: x\r\n\r\n");
        release(readAll());
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, 5);
        channel.writeOutbound(head, new DefaultLastHttpContent(
                Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII)));
        assertThat(sent()).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n")
            .endsWith("content-length: 5\r\n\r\n");
    }

    private void assertRefusedWithoutContent(String rule) {
        List<Object> messages = readAll();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).isInstanceOf(HttpRequest.class);
        assertThat(messages.get(1)).isInstanceOfSatisfying(LastHttpContent.class, last -> {
            assertThat(last.content().readableBytes()).isZero();
            assertThat(last.decoderResult().cause()).hasMessage(rule);
        });
        release(messages);
        receive("GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(readAll()).as("nothing read behind the refused body").isEmpty();
    }

    private void receive(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
    }

    private List<Object> readAll() {
        List<Object> messages = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            messages.add(message);
        }
        return messages;
    }

    private static String text(Object content) {
        return ((HttpContent) content).content().toString(StandardCharsets.US_ASCII);
    }

    private static void release(List<Object> messages) {
        messages.forEach(ReferenceCountUtil::release);
    }

    private String sent() {
        StringBuilder sent = new StringBuilder();
        for (ByteBuf buffer = channel.readOutbound(); buffer != null; buffer = channel.readOutbound()) {
            sent.append(buffer.toString(StandardCharsets.ISO_8859_1));
            buffer.release();
        }
        return sent.toString();
    }
}
