package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.testsupport.Probes;
import dev.gatewayinterface.testsupport.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check that memory stays bounded in both directions, whatever the speeds of client and application: a 256 MiB
 * response to a client that reads only when the test lets it, and a 256 MiB upload to an application that reads
 * only when the test lets it. The assertions are on the adapter's count of the body bytes it holds.
 */
class ReactiveBackpressureTests {

    private static final Logger logger = LoggerFactory.getLogger(ReactiveBackpressureTests.class);

    private static final int BLOCK = 64 * 1024;

    private static final int BLOCKS = 4096;

    private static final long TOTAL = (long) BLOCK * BLOCKS;

    /** How much the slow side takes each time the test lets it. */
    private static final int BURST = 8 * 1024 * 1024;

    @Test
    void holdsOneChunkOfA256MebibyteResponseToAClientThatReadsOnlyWhenLetTo() throws Exception {
        Probes probes = new Probes();
        byte[] block = new byte[BLOCK];
        Application stream = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            return probes.body(BLOCKS, index -> {
                block[0] = (byte) index;
                return block;
            });
        };
        try (NettyGatewayServer server = NettyGatewayServer.serve(stream); RawHttp http = new RawHttp(server.port())) {
            BufferedBytes buffered = server.adapter().buffered();
            http.send("GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readHead().isChunked()).isTrue();
            long received = 0;
            int index = 0;
            byte[] chunk;
            while ((chunk = http.readChunk()) != null) {
                assertThat(chunk).hasSize(BLOCK);
                assertThat(chunk[0]).isEqualTo((byte) index++);
                received += chunk.length;
                if (received % BURST == 0 && received < TOTAL) {
                    // Stop reading until the socket is full and the application waits with a chunk in hand, or
                    // until it is done: near the end, what is left may fit in the sockets' buffers.
                    await().atMost(Duration.ofSeconds(20))
                        .until(() -> buffered.current() > 0 || probes.closes.get() > 0);
                }
            }
            assertThat(received).isEqualTo(TOTAL);
            assertThat(probes.awaitClosed()).isTrue();
            logger.info("Peak of buffered response bytes: {}", buffered.peak());
            assertThat(buffered.peak()).isEqualTo(BLOCK);
            await().atMost(Duration.ofSeconds(20)).until(() -> buffered.current() == 0);
        }
    }

    @Test
    void holdsTwoBuffersOfA256MebibyteUploadToAnApplicationThatReadsOnlyWhenLetTo() throws Exception {
        Semaphore bursts = new Semaphore(0);
        Application slowReader = (environ, startResponse) -> {
            Input input = (Input) environ.get(Environ.WSGI_INPUT);
            long total = 0;
            long sum = 0;
            byte[] bytes;
            while ((bytes = input.read(8192)).length > 0) {
                for (byte b : bytes) {
                    sum += b;
                }
                long before = total;
                total += bytes.length;
                if (total / BURST != before / BURST && !bursts.tryAcquire(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the application read on");
                }
            }
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(("read " + total + " sum " + sum).getBytes(StandardCharsets.US_ASCII));
        };
        try (NettyGatewayServer server = NettyGatewayServer.serve(slowReader); RawHttp http = new RawHttp(server.port())) {
            BufferedBytes buffered = server.adapter().buffered();
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> upload(http));
            for (int burst = 0; burst < TOTAL / BURST; burst++) {
                // Let the application read on only once the client got ahead of it and bytes wait for it.
                await().atMost(Duration.ofSeconds(20)).until(() -> buffered.current() > 0 || upload.isDone());
                bursts.release();
            }
            upload.get(20, TimeUnit.SECONDS);
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(http.readBody(head)).asString().isEqualTo("read " + TOTAL + " sum " + BLOCKS);
            logger.info("Peak of buffered request bytes: {}", buffered.peak());
            // Reactor Netty hands a body over in pieces of at most 8 KiB, its default maximum chunk size.
            assertThat(buffered.peak()).isLessThanOrEqualTo(RequestBodyStream.PREFETCH * 8192);
            // The request ends on the application's thread after the response went out.
            await().atMost(Duration.ofSeconds(20)).until(() -> buffered.current() == 0);
        }
    }

    @Test
    void neverRequestsTheBodyOfAnApplicationThatDoesNotReadIt() throws Exception {
        Application ignoring = (environ, startResponse) -> {
            // An empty answer: the adapter then holds no response bytes either, and its count is the request's.
            startResponse.start("204 No Content", List.of());
            return List.of();
        };
        try (NettyGatewayServer server = NettyGatewayServer.serve(ignoring); RawHttp http = new RawHttp(server.port())) {
            http.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + TOTAL + "\r\n\r\n");
            http.send(new byte[BLOCK]);
            // The answer comes while the client has sent a sliver of what it declared.
            assertThat(http.readHead().status()).isEqualTo(204);
            assertThat(server.adapter().buffered().peak()).isZero();
        }
    }

    private static void upload(RawHttp http) {
        try {
            http.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + TOTAL + "\r\n\r\n");
            byte[] block = new byte[BLOCK];
            block[0] = 1;
            for (int i = 0; i < BLOCKS; i++) {
                http.send(block);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
