package dev.gatewayinterface.uwsgi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Header;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Check how a response reaches the proxy's connection: the head in the same write as the first body bytes, the last
 * small chunk copied so the application may reuse its array, the head alone when no body follows, the connection's
 * end only after the last bytes, a proxy that stops taking them cut at the client timeout, and a shutdown's
 * disconnect that never cuts a response whose last bytes were handed over.
 */
class UwsgiOutputTests {

    private static final List<Header> HELLO_HEADERS = List.of(new Header("Content-Type", "text/plain"),
            new Header("Content-Length", "13"));

    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void sendsTheHeadAndASmallWholeBodyInOneWrite() throws Exception {
        UwsgiOutput output = new UwsgiOutput(channel, Duration.ofSeconds(5), false);
        output.sendHeaders(200, "OK", HELLO_HEADERS);
        assertThat(writes()).isEmpty();
        output.write(bytes("Hello, World!"), 0, 13);
        assertThat(writes()).containsExactly(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!");
        assertThat(output.ended()).isTrue();
    }

    @Test
    void letsTheApplicationReuseItsArrayOnceTheLastChunkWasHandedOver() throws Exception {
        UwsgiOutput output = new UwsgiOutput(channel, Duration.ofSeconds(5), false);
        output.sendHeaders(200, "OK", HELLO_HEADERS);
        byte[] chunk = bytes("Hello, World!");
        output.write(chunk, 0, 13);
        Arrays.fill(chunk, (byte) 'x');
        assertThat(writes()).singleElement().asString().endsWith("\r\n\r\nHello, World!");
    }

    @Test
    void sendsTheHeadAloneForAResponseWithoutBody() throws Exception {
        UwsgiOutput output = new UwsgiOutput(channel, Duration.ofSeconds(5), true);
        output.sendHeaders(200, "OK", HELLO_HEADERS);
        assertThat(writes()).singleElement().asString().endsWith("Content-Length: 13\r\n\r\n");
        assertThat(output.ended()).isTrue();
    }

    @Test
    void sendsTheHeadOfAnEmptyBodyOfUnknownLengthWhenTheResponseCompletes() throws Exception {
        UwsgiOutput output = new UwsgiOutput(channel, Duration.ofSeconds(5), false);
        output.sendHeaders(200, "OK", List.of(new Header("Content-Type", "text/plain")));
        assertThat(writes()).isEmpty();
        output.complete();
        assertThat(writes()).containsExactly("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");
    }

    @Test
    void waitsForEachChunkOfABodyOfUnknownLength() throws Exception {
        UwsgiOutput output = new UwsgiOutput(channel, Duration.ofSeconds(5), false);
        output.sendHeaders(200, "OK", List.of(new Header("Content-Type", "text/plain")));
        output.write(bytes("one"), 0, 3);
        output.write(bytes("two"), 0, 3);
        assertThat(writes()).containsExactly("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\none", "two");
        assertThat(output.ended()).isFalse();
    }

    @Test
    void endsTheConnectionOnlyOnceTheLastBytesWereWritten() throws Exception {
        HeldWrites held = new HeldWrites();
        EmbeddedChannel slow = new EmbeddedChannel(held);
        UwsgiOutput output = sendHello(slow);
        AtomicBoolean ended = new AtomicBoolean();
        output.afterLastWrite(() -> ended.set(true));
        assertThat(ended).as("ended while the bytes still wait").isFalse();
        held.promises.get(0).setSuccess();
        assertThat(ended).isTrue();
        slow.finishAndReleaseAll();
    }

    @Test
    void cutsTheConnectionWhenTheProxyTakesNoneOfTheLastBytesWithinTheClientTimeout() throws Exception {
        HeldWrites held = new HeldWrites();
        EmbeddedChannel stalled = new EmbeddedChannel(held);
        UwsgiOutput output = sendHello(stalled);
        stalled.advanceTimeBy(4, TimeUnit.SECONDS);
        stalled.runScheduledPendingTasks();
        assertThat(stalled.isOpen()).isTrue();
        stalled.advanceTimeBy(2, TimeUnit.SECONDS);
        stalled.runScheduledPendingTasks();
        assertThat(stalled.isOpen()).isFalse();
    }

    @Test
    void disconnectsAResponseInProgress() throws Exception {
        UwsgiOutput output = new UwsgiOutput(channel, Duration.ofSeconds(5), false);
        output.sendHeaders(200, "OK", List.of(new Header("Content-Type", "text/plain")));
        output.disconnect();
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void leavesAResponseWhoseLastBytesWereHandedOverBeforeTheDisconnectCame() throws Exception {
        UwsgiOutput output = sendHello(channel);
        output.disconnect();
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isTrue();
        assertThat(writes()).singleElement().asString().endsWith("Hello, World!");
    }

    /** Hold every write unfinished, as a socket whose peer stopped reading does, until the test finishes it. */
    private static final class HeldWrites extends ChannelOutboundHandlerAdapter {

        private final List<ChannelPromise> promises = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ReferenceCountUtil.release(msg);
            promises.add(promise);
        }
    }

    private List<String> writes() {
        List<String> writes = new ArrayList<>();
        for (Object message = channel.readOutbound(); message != null; message = channel.readOutbound()) {
            ByteBuf buffer = (ByteBuf) message;
            writes.add(buffer.toString(StandardCharsets.ISO_8859_1));
            buffer.release();
        }
        return writes;
    }

    /** Send the hello response through a new output on the channel: its last bytes go out unawaited. */
    private static UwsgiOutput sendHello(EmbeddedChannel channel) throws IOException {
        UwsgiOutput output = new UwsgiOutput(channel, Duration.ofSeconds(5), false);
        output.sendHeaders(200, "OK", HELLO_HEADERS);
        output.write(bytes("Hello, World!"), 0, 13);
        return output;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
