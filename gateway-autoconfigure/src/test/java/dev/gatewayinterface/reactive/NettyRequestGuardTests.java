package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
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

/**
 * Check the order and the fate of the Reactor Netty guard's own answers on one connection, where a real server's
 * timing would hide them (docs/SPEC.md §14): a refusal or an {@code OPTIONS *} answer behind a response still being
 * written waits for it, as pipelining demands; nothing read behind a refusal, or behind a response that closes the
 * connection, is passed on or answered.
 */
class NettyRequestGuardTests {

    private final EmbeddedChannel channel = new EmbeddedChannel();

    NettyRequestGuardTests() {
        channel.pipeline().addLast(NettyPipeline.HttpCodec, new HttpServerCodec());
        NettyRequestGuard.install(channel, 8192, 8192, 100, Duration.ofSeconds(20));
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
