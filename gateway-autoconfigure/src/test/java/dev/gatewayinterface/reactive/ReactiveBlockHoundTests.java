package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatewayinterface.testsupport.ProbedServerTests;
import dev.gatewayinterface.testsupport.RawHttp;
import java.io.EOFException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Check with BlockHound that no blocking call runs on a Reactor Netty event loop while applications read
 * bodies, stream responses, fail, and lose their clients: all of it must happen on the applications' threads.
 *
 * <p>BlockHound instruments the JVM for good, so this class runs in a JVM of its own (the {@code blockhound}
 * execution of the build, by its tag). Blocking calls are recorded rather than thrown, so that one swallowed by
 * a framework still fails the test; a first test proves that the event loops are watched at all.
 */
@Tag("blockhound")
@ReactiveGatewayTest
class ReactiveBlockHoundTests extends ProbedServerTests {

    private static final List<String> blockingCalls = new CopyOnWriteArrayList<>();

    @Autowired
    ReactorResourceFactory resources;

    @BeforeAll
    static void installBlockHound() {
        BlockHound.install(new RecordingIntegration());
    }

    @BeforeEach
    void forgetEarlierCalls() {
        blockingCalls.clear();
    }

    @Test
    void recordsABlockingCallOnTheServersEventLoop() throws Exception {
        resources.getLoopResources().onServer(true).next()
            .submit(() -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)))
            .get(20, TimeUnit.SECONDS);
        assertThat(blockingCalls).anySatisfy(call -> assertThat(call).contains("park"));
    }

    @Test
    void runsNoBlockingCallOnAnEventLoopWhileApplicationsReadStreamAndFail() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(100);
            http.send("body");
            assertThat(http.readBody(http.readHead())).asString().isEqualTo("body");
            http.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");
            assertThat(http.readBody(http.readHead())).asString().isEqualTo("hello, world");
            http.send("HEAD /fixed HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readHead().header("content-length")).isEqualTo("6");
            http.send("GET /fail HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(500);
        }
        try (RawHttp http = new RawHttp(port)) {
            streamBothChunks(http);
        }
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /fail-late HTTP/1.1\r\nHost: localhost\r\n\r\n");
            http.readHead();
            assertThat(http.readChunk()).asString().isEqualTo("first chunk\n");
            assertThatExceptionOfType(EOFException.class).isThrownBy(http::readChunk);
        }
        assertThat(probes.awaitClosed()).isTrue();
        probes.reset();
        hangUpMidStream();
        // The body is closed once the event loop saw the client go: by then it handled the disconnect.
        assertThat(probes.awaitClosed()).isTrue();
        assertThat(blockingCalls).isEmpty();
    }

    /** Record each blocking call on a non-blocking thread, with where it came from, instead of throwing. */
    private static final class RecordingIntegration implements BlockHoundIntegration {

        @Override
        public void applyTo(BlockHound.Builder builder) {
            // Netty's own integration knows its event loops by their thread class; know them by name too, as
            // Reactor Netty (reactor-http-*) and Spring Boot (webflux-http-*) name them, should that class change.
            builder.nonBlockingThreadPredicate(predicate -> predicate.or(thread -> thread.getName()
                .startsWith("reactor-http-") || thread.getName().startsWith("webflux-http-")));
            builder.blockingMethodCallback(ReactiveBlockHoundTests::record);
        }
    }

    private static void record(BlockingMethod method) {
        StringBuilder call = new StringBuilder(method + " on " + Thread.currentThread().getName());
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            call.append("\n\tat ").append(frame);
        }
        blockingCalls.add(call.toString());
    }
}
