package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.engine.RequestBodyException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

/**
 * Check that {@link RequestBodyStream} asks the body publisher for buffers only as the application reads, holds
 * no more than its prefetch, releases every buffer it took, and reports a body that ended early or failed.
 */
class RequestBodyStreamTests {

    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(new UnpooledByteBufAllocator(false));

    private final BodyPublisher body = new BodyPublisher();

    private final BufferedBytes buffered = new BufferedBytes();

    @Test
    void subscribesToTheBodyOnlyWhenTheApplicationFirstReads() throws Exception {
        RequestBodyStream stream = stream(-1, Duration.ofSeconds(20));
        assertThat(body.subscriber).isNull();
        CompletableFuture<Integer> read = readAsync(stream, new byte[16]);
        await().until(() -> body.subscriber != null);
        assertThat(body.requested).hasValue(RequestBodyStream.PREFETCH);
        body.subscriber.onNext(buffer("abc"));
        assertThat(read.get()).isEqualTo(3);
    }

    @Test
    void asksForOneMoreBufferOnlyOnceTheApplicationReadOneWhole() throws Exception {
        RequestBodyStream stream = stream(-1, Duration.ofSeconds(20));
        byte[] bytes = new byte[2];
        CompletableFuture<Integer> read = readAsync(stream, bytes);
        await().until(() -> body.subscriber != null);
        DataBuffer first = buffer("abcd");
        body.subscriber.onNext(first);
        body.subscriber.onNext(buffer("ef"));
        assertThat(read.get()).isEqualTo(2);
        assertThat(body.requested).as("half a buffer left to read").hasValue(RequestBodyStream.PREFETCH);
        assertThat(buffered.current()).isEqualTo(6);
        assertThat(stream.read(bytes)).isEqualTo(2);
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("cd");
        assertThat(body.requested).hasValue(RequestBodyStream.PREFETCH + 1);
        assertThat(refCnt(first)).isZero();
        assertThat(buffered.current()).isEqualTo(2);
        assertThat(buffered.peak()).isEqualTo(6);
    }

    @Test
    void endsAtTheEndOfTheBody() throws Exception {
        RequestBodyStream stream = stream(3, Duration.ofSeconds(20));
        CompletableFuture<Integer> read = readAsync(stream, new byte[8]);
        await().until(() -> body.subscriber != null);
        body.subscriber.onNext(buffer("abc"));
        body.subscriber.onComplete();
        assertThat(read.get()).isEqualTo(3);
        assertThat(stream.read(new byte[8])).isEqualTo(-1);
        assertThat(stream.read()).isEqualTo(-1);
        assertThat(buffered.current()).isZero();
    }

    @Test
    void reportsABodyThatEndedBeforeItsContentLength() throws Exception {
        RequestBodyStream stream = stream(10, Duration.ofSeconds(20));
        CompletableFuture<Integer> read = readAsync(stream, new byte[8]);
        await().until(() -> body.subscriber != null);
        body.subscriber.onNext(buffer("abc"));
        body.subscriber.onComplete();
        assertThat(read.get()).isEqualTo(3);
        assertThatExceptionOfType(EOFException.class).isThrownBy(() -> stream.read(new byte[8]))
            .withMessage("the client ended the request body after 3 of its 10 bytes");
    }

    @Test
    void reportsABodyThatFailedAsAnIOExceptionCausedByTheFailure() throws Exception {
        RequestBodyStream stream = stream(-1, Duration.ofSeconds(20));
        CompletableFuture<Integer> read = readAsync(stream, new byte[8]);
        await().until(() -> body.subscriber != null);
        IllegalStateException failure = new IllegalStateException("connection reset");
        body.subscriber.onError(failure);
        assertThat(read).failsWithin(Duration.ofSeconds(20)).withThrowableThat()
            .havingRootCause().isSameAs(failure);
    }

    @Test
    void givesUpOnAClientThatSendsNothingWithinTheTimeoutAsTheClientsFault() {
        RequestBodyStream stream = stream(-1, Duration.ofMillis(50));
        assertThatExceptionOfType(RequestBodyException.class).isThrownBy(() -> stream.read(new byte[8]))
            .withMessage("the client sent no more of the request body within 50 ms (gateway.timeouts.request-body)")
            .satisfies(failure -> assertThat(failure.status()).isEqualTo(408));
    }

    @Test
    void cancelsTheBodyAndReleasesEveryBufferItHoldsWhenDisposed() throws Exception {
        RequestBodyStream stream = stream(-1, Duration.ofSeconds(20));
        CompletableFuture<Integer> read = readAsync(stream, new byte[1]);
        await().until(() -> body.subscriber != null);
        DataBuffer reading = buffer("abc");
        DataBuffer queued = buffer("def");
        body.subscriber.onNext(reading);
        body.subscriber.onNext(queued);
        assertThat(read.get()).isEqualTo(1);
        stream.dispose();
        assertThat(body.cancelled).isTrue();
        assertThat(refCnt(reading)).isZero();
        assertThat(refCnt(queued)).isZero();
        assertThat(buffered.current()).isZero();
    }

    @Test
    void releasesABufferThatArrivesAfterItWasDisposedAndFailsAReaderStillWaiting() throws Exception {
        RequestBodyStream stream = stream(-1, Duration.ofSeconds(20));
        CompletableFuture<Integer> lingering = readAsync(stream, new byte[1]);
        await().until(() -> body.subscriber != null);
        stream.dispose();
        DataBuffer late = buffer("late");
        body.subscriber.onNext(late);
        assertThat(lingering).failsWithin(Duration.ofSeconds(20)).withThrowableThat()
            .havingRootCause().withMessage("the request has ended; its body can no longer be read");
        // Released by whichever got it first: the event loop emptying the queue, or the lingering reader.
        await().until(() -> refCnt(late) == 0);
        assertThat(buffered.current()).isZero();
    }

    @Test
    void cancelsASubscriptionThatArrivesAfterItWasDisposed() {
        RequestBodyStream stream = stream(-1, Duration.ofSeconds(20));
        stream.dispose();
        body.subscribe(stream);
        assertThat(body.cancelled).isTrue();
        assertThat(body.requested).hasValue(0);
    }

    private RequestBodyStream stream(long contentLength, Duration timeout) {
        return new RequestBodyStream(body, contentLength, buffered, timeout);
    }

    private DataBuffer buffer(String text) {
        return buffers.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static int refCnt(DataBuffer buffer) {
        return ((ByteBuf) NettyDataBufferFactory.toByteBuf(buffer)).refCnt();
    }

    /** Read on another thread, as the application would: the read blocks until the body sends something. */
    private static CompletableFuture<Integer> readAsync(RequestBodyStream stream, byte[] bytes) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return stream.read(bytes);
            }
            catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
    }

    /** Record what the stream asks of the body, and let the test send the body's signals by hand. */
    private static final class BodyPublisher implements Publisher<DataBuffer>, Subscription {

        volatile Subscriber<? super DataBuffer> subscriber;

        final AtomicLong requested = new AtomicLong();

        volatile boolean cancelled;

        @Override
        public void subscribe(Subscriber<? super DataBuffer> subscriber) {
            subscriber.onSubscribe(this);
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
