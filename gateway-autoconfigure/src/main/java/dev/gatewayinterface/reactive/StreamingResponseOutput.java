package dev.gatewayinterface.reactive;

import dev.gatewayinterface.Header;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

/**
 * Send a response through any server's {@link ServerHttpResponse#writeWith}, one chunk per unit of the server's
 * demand: the application's thread waits until the server asks for more, so the server holds no more chunks than
 * it requested. Serves where Reactor Netty's own response is not available, such as WebTestClient's mock server;
 * a file is iterated like any body.
 */
final class StreamingResponseOutput implements ResponseOutput, Publisher<DataBuffer>, Subscription {

    /** Demand from which on the server counts as asking for everything, as a semaphore counts in int. */
    private static final long UNBOUNDED = Integer.MAX_VALUE / 2;

    private final ServerHttpResponse response;

    private final ContextView context;

    private final Duration timeout;

    private final Sinks.Empty<Void> done;

    /** One permit per chunk the server asked for, and one to wake the writer when it cancels. */
    private final Semaphore demand = new Semaphore(0);

    private volatile boolean unbounded;

    private volatile boolean cancelled;

    private volatile Subscriber<? super DataBuffer> subscriber;

    // Fields below are used by the application's thread only.

    private CompletableFuture<Void> written;

    private boolean finished;

    StreamingResponseOutput(ServerHttpResponse response, ContextView context, Duration timeout,
            Sinks.Empty<Void> done) {
        this.response = response;
        this.context = context;
        this.timeout = timeout;
        this.done = done;
    }

    @Override
    public void sendHeaders(int status, String reason, List<Header> headers) throws IOException {
        ResponseOutput.apply(response, status, headers);
        // The server subscribes now and commits with the first chunk or the end, as the engine expects. Its write
        // ends the exchange: a real server's once the body was written, a mock's before its client reads the body.
        written = response.writeWith(this).contextWrite(context).toFuture();
        written.whenComplete((result, error) -> {
            if (error != null) {
                done.tryEmitError(error);
            }
            else {
                done.tryEmitEmpty();
            }
        });
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        awaitDemand();
        // A copy: the server may write it after this returns, when the application may reuse its array.
        DataBuffer chunk = response.bufferFactory().allocateBuffer(length).write(data, offset, length);
        subscriber.onNext(chunk);
    }

    @Override
    public long transferFile(FileChannel file, long position, long count) {
        return -1;
    }

    @Override
    public void complete() throws IOException {
        finished = true;
        if (subscriber != null) {
            subscriber.onComplete();
        }
        Await.completion(written, timeout, "take the end of the response");
    }

    @Override
    public void abort() {
        finished = true;
        if (subscriber != null) {
            // The server ends a committed response that fails by closing its connection.
            subscriber.onError(new ResponseAbortedException());
        }
    }

    @Override
    public void fail(Throwable error) {
        finished = true;
        done.tryEmitError(error);
    }

    @Override
    public void cancelled() {
        cancel();
    }

    @Override
    public void end() {
        if (!finished) {
            abort();
        }
        if (written == null) {
            // Nothing was sent (the client went away first): the server ends the exchange as it sees fit.
            done.tryEmitEmpty();
        }
    }

    @Override
    public boolean ended() {
        return ResponseOutput.ended(done);
    }

    @Override
    public void subscribe(Subscriber<? super DataBuffer> subscriber) {
        if (this.subscriber != null) {
            Operators.error(subscriber, new IllegalStateException("a response body can be written once"));
            return;
        }
        this.subscriber = subscriber;
        subscriber.onSubscribe(this);
    }

    @Override
    public void request(long n) {
        if (unbounded || n <= 0) {
            return;
        }
        if (n >= UNBOUNDED - demand.availablePermits()) {
            unbounded = true;
            demand.release();
            return;
        }
        demand.release((int) n);
    }

    @Override
    public void cancel() {
        cancelled = true;
        demand.release();
    }

    private void awaitDemand() throws IOException {
        if (!cancelled && !unbounded) {
            Await.permit(demand, timeout, "ask for more of the response");
        }
        if (cancelled) {
            throw new IOException("the client went away");
        }
    }

    /**
     * End a committed response with an error, which the server answers by closing the connection. The engine
     * has already logged why, so this carries no stack trace.
     */
    private static final class ResponseAbortedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ResponseAbortedException() {
            super("gateway aborted the response; see the preceding log entry", null, false, false);
        }
    }
}
