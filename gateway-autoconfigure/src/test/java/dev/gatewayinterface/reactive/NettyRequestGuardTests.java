package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Check the order and the fate of the Reactor Netty guard's own answers on one connection, where a real server's
 * timing would hide them (docs/SPEC.md §14): a refusal or an {@code OPTIONS *} answer behind a response still being
 * written waits for it, as pipelining demands; nothing read behind a refusal, or behind a response that closes the
 * connection, is passed on or answered.
 */
class NettyRequestGuardTests {

    private EmbeddedChannel channel = guarded(null);

    /** Return a connection with Reactor Netty's codec and the guard, which puts a codec of this configuration first. */
    private static EmbeddedChannel guarded(HttpDecoderConfig decoder) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(NettyPipeline.HttpCodec, new HttpServerCodec());
        NettyRequestGuard.install(channel, decoder, 8192, 8192, 100, Duration.ofSeconds(20));
        return channel;
    }

    private void alignWithTomcat() {
        channel.finishAndReleaseAll();
        channel = guarded(NettyRequestGuard.alignedWithTomcat(HttpServer.create().configuration().decoder()));
    }

    @Test
    void refusesABareLfWithNettysOwnDecoder() {
        receive("GET /a HTTP/1.1\nHost: x\n\n");
        assertThat(passedOn()).isEmpty();
        assertThat(sent()).startsWith("HTTP/1.1 400 Bad Request\r\n");
    }

    @Test
    void readsABareLfAsTheEndOfALineWithTheDecoderAlignedWithTomcat() {
        alignWithTomcat();
        receive("GET /a HTTP/1.1\nHost: x\n\n");
        assertThat(passedOn()).singleElement().satisfies(request -> assertThat(request.headers().get("Host"))
            .isEqualTo("x"));
    }

    @Test
    void readsContentLengthBesideChunkedAsChunkedAndEndsTheConnectionWithTheDecoderAlignedWithTomcat() {
        alignWithTomcat();
        receive("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n");
        List<Object> messages = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            messages.add(message);
        }
        assertThat(messages.get(0)).isInstanceOfSatisfying(HttpRequest.class, request -> {
            assertThat(request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)).isFalse();
            assertThat(HttpUtil.isKeepAlive(request)).isFalse();
        });
        assertThat(messages.get(1)).isInstanceOfSatisfying(HttpContent.class, content -> assertThat(content.content()
            .toString(StandardCharsets.US_ASCII)).isEqualTo("hello"));
        messages.forEach(ReferenceCountUtil::release);
    }

    @Test
    void refusesTransferEncodingOnHttp10WithTheDecoderAlignedWithTomcat() {
        alignWithTomcat();
        receive("POST /a HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertThat(passedOn()).isEmpty();
        assertThat(sent()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("no Transfer-Encoding");
    }

    @Test
    void closesTheConnectionOnceAnOptionsAsteriskAnswerIsOutWhenItsBodyIsBroken() {
        alignWithTomcat();
        receive("OPTIONS * HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n");
        assertThat(passedOn()).isEmpty();
        assertThat(sent()).startsWith("HTTP/1.1 200 OK\r\n").contains("allow: GET");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void buildsTheAlignedDecoderFromEverySettingOfTheServers() {
        HttpDecoderConfig config = NettyRequestGuard.alignedWithTomcat(HttpServer.create()
            .httpRequestDecoder(spec -> spec.maxInitialLineLength(1001).maxHeaderSize(2002).maxChunkSize(3003)
                .validateHeaders(false).initialBufferSize(64).allowDuplicateContentLengths(true)
                .allowPartialChunks(false))
            .configuration()
            .decoder());
        assertThat(config.getMaxInitialLineLength()).isEqualTo(1001);
        assertThat(config.getMaxHeaderSize()).isEqualTo(2002);
        assertThat(config.getMaxChunkSize()).isEqualTo(3003);
        assertThat(config.getInitialBufferSize()).isEqualTo(64);
        assertThat(config.isAllowDuplicateContentLengths()).isTrue();
        assertThat(config.isAllowPartialChunks()).isFalse();
        assertThat(config.isStrictLineParsing()).isFalse();
        assertThat(config.isUseRfc9112TransferEncoding()).isFalse();
    }

    @AfterEach
    void releaseEverything() {
        channel.finishAndReleaseAll();
    }

    @Test
    void passesValidRequestsOn() {
        receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(passedOn()).singleElement().satisfies(request -> assertThat(request.uri()).isEqualTo("/a"));
        assertThat(sent()).isEmpty();
    }

    @Test
    void refusesAndClosesAtOnceWhenNoResponseIsInFlight() {
        receive("GET /a http/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(passedOn()).isEmpty();
        assertThat(sent()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("connection: close")
            .contains("must be spelt HTTP/1.1, in upper case");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void holdsARefusalBehindTheResponseInFlightAndAnswersNothingAfterIt() {
        receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b<c HTTP/1.1\r\nHost: x\r\n\r\nGET /d HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(passedOn()).extracting(HttpRequest::uri).containsExactly("/a");
        assertThat(sent()).as("nothing before the response to /a").isEmpty();
        respond(false);
        String sent = sent();
        assertThat(sent).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(sent.indexOf("HTTP/1.1 400 Bad Request")).isGreaterThan(sent.indexOf("HTTP/1.1 200 OK"));
        assertThat(sent).doesNotContain("/d");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void answersNothingReadBehindAResponseThatClosesTheConnection() {
        receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\nOPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(passedOn()).extracting(HttpRequest::uri).containsExactly("/a");
        respond(true);
        assertThat(sent()).startsWith("HTTP/1.1 200 OK\r\n").doesNotContain("allow:");
    }

    @Test
    void answersOptionsAsteriskInTurnAndKeepsTheConnection() {
        receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\nOPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(passedOn()).extracting(HttpRequest::uri).containsExactly("/a");
        respond(false);
        String sent = sent();
        assertThat(sent.indexOf("allow: GET, HEAD, POST, PUT, DELETE, OPTIONS"))
            .isGreaterThan(sent.indexOf("HTTP/1.1 200 OK"));
        assertThat(channel.isOpen()).isTrue();
    }

    private void receive(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1));
    }

    /** Return the requests the guard let through to the handlers behind it, dropping their content. */
    private List<HttpRequest> passedOn() {
        List<HttpRequest> requests = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            if (message instanceof HttpRequest request) {
                requests.add(request);
            }
            ReferenceCountUtil.release(message);
        }
        return requests;
    }

    /** Write a whole response as the handlers behind the guard would. */
    private void respond(boolean close) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII));
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 2);
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        assertThat(response).isInstanceOf(LastHttpContent.class);
        channel.writeAndFlush(response);
    }

    /** Return every byte written to the client so far. */
    private String sent() {
        StringBuilder sent = new StringBuilder();
        ByteBuf buffer;
        while ((buffer = channel.readOutbound()) != null) {
            sent.append(buffer.toString(StandardCharsets.ISO_8859_1));
            buffer.release();
        }
        return sent.toString();
    }
}
