package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.Write;
import dev.gatewayinterface.engine.Exchange;
import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.engine.GatewayOptions;
import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.test.tck.ClosingBody;
import dev.gatewayinterface.testsupport.Probes;
import dev.gatewayinterface.testsupport.RawHttp;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Check what {@link ReactiveGatewayAdapter} does beyond the auto-configured mounts: the reason phrase and raw
 * paths on Reactor Netty, giving up on a client that stalls, and serving through WebTestClient's mock server,
 * which has no native response.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveGatewayAdapterTests {

    private final AtomicReference<Map<String, Object>> environ = new AtomicReference<>();

    @Test
    void sendsTheReasonPhraseTheApplicationChose() throws Exception {
        Application custom = (environ, startResponse) -> {
            startResponse.start("299 Fine By Me", List.of(new Header("Content-Type", "text/plain")));
            return List.of();
        };
        try (NettyGatewayServer server = NettyGatewayServer.serve(custom); RawHttp http = new RawHttp(server.port())) {
            http.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 299 Fine By Me");
            assertThat(head.header("content-length")).isEqualTo("0");
        }
    }

    @Test
    void saysTheServerEndedTheResponseOnceItsLastBytesWereWrittenBeforeTheBodyIsClosed() throws Exception {
        AtomicReference<Exchange> served = new AtomicReference<>();
        List<Boolean> ended = new CopyOnWriteArrayList<>();
        CountDownLatch closed = new CountDownLatch(1);
        RequestObserver observer = exchange -> {
            served.set(exchange);
            return RequestObserver.Request.NONE;
        };
        Application application = (environ, startResponse) -> {
            ended.add(served.get().responseFinished());
            startResponse.start("200 OK", List.of(new Header("Content-Length", "2")));
            return new ClosingBody(1, index -> "ok".getBytes(StandardCharsets.US_ASCII), () -> {
                ended.add(served.get().responseFinished());
                closed.countDown();
            });
        };
        try (NettyGatewayServer server = NettyGatewayServer.serve(application,
                GatewayOptions.defaults("test").withObserver(observer)); RawHttp http = new RawHttp(server.port())) {
            http.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readResponse().text()).isEqualTo("ok");
            assertThat(closed.await(20, TimeUnit.SECONDS)).isTrue();
        }
        // Reactor Netty counts the request done with its last bytes, so a graceful shutdown may end meanwhile.
        assertThat(ended).containsExactly(false, true);
    }

    @Test
    void dropsWhatABodyProducesBeyondItsContentLengthAndKeepsTheConnection() throws Exception {
        Probes probes = new Probes();
        Application overrun = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Length", "5")));
            return probes.body(3, index -> "hello world".getBytes(StandardCharsets.US_ASCII));
        };
        try (NettyGatewayServer server = NettyGatewayServer.serve(overrun);
                RawHttp http = new RawHttp(server.port())) {
            for (int request = 0; request < 2; request++) {
                http.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
                RawHttp.Head head = http.readHead();
                assertThat(head.header("content-length")).isEqualTo("5");
                assertThat(http.readBody(head)).asString().isEqualTo("hello");
            }
        }
        assertThat(probes.awaitClosed()).isTrue();
    }

    @Test
    void endsAResponseOfUnknownLengthToAnHttp10ClientByClosingTheConnection() throws Exception {
        Application twoChunks = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("one ".getBytes(StandardCharsets.US_ASCII), "two".getBytes(StandardCharsets.US_ASCII));
        };
        try (NettyGatewayServer server = NettyGatewayServer.serve(twoChunks);
                RawHttp http = new RawHttp(server.port())) {
            http.send("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.isChunked()).isFalse();
            assertThat(head.header("content-length")).isNull();
            assertThat(http.readBody(head)).asString().isEqualTo("one two");
        }
    }

    @Test
    void keepsTheConnectionOfAnHttp10ClientThatAsksForItWhenTheLengthIsKnown() throws Exception {
        try (NettyGatewayServer server = NettyGatewayServer.serve(hello()); RawHttp http = new RawHttp(server.port())) {
            for (int i = 0; i < 2; i++) {
                // As ab -k and other HTTP/1.0 clients ask, and as Tomcat answers them.
                http.send("GET / HTTP/1.0\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n");
                RawHttp.Head head = http.readHead();
                assertThat(head.header("connection")).isEqualToIgnoringCase("keep-alive");
                assertThat(http.readBody(head)).asString().isEqualTo("hello");
            }
        }
    }

    @Test
    void closesTheConnectionOfAnHttp10ClientThatDoesNotAskToKeepIt() throws Exception {
        try (NettyGatewayServer server = NettyGatewayServer.serve(hello()); RawHttp http = new RawHttp(server.port())) {
            http.send("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(http.readBody(head)).asString().isEqualTo("hello");
            assertThat(http.serverClosed()).isTrue();
        }
    }

    @Test
    void decodesAnEncodedSlashInPathInfoWhichNoFirewallRefusedHere() throws Exception {
        try (NettyGatewayServer server = NettyGatewayServer.serve(recordingEnviron());
                RawHttp http = new RawHttp(server.port())) {
            http.send("GET /a%2Fb/c HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(200);
        }
        assertThat(environ.get()).containsEntry(Environ.PATH_INFO, "/a/b/c")
            .containsEntry(Environ.REQUEST_URI, "/a%2Fb/c");
    }

    @Test
    void givesUpOnAClientThatStopsReadingClosesTheBodyAndFreesTheThread() throws Exception {
        Probes probes = new Probes();
        byte[] block = new byte[64 * 1024];
        Application endless = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            return probes.body(-1, index -> block);
        };
        try (NettyGatewayServer server = NettyGatewayServer.serve(endless, 1, Duration.ofMillis(300),
                httpServer -> httpServer); Socket socket = new Socket()) {
            // A small window fills at once; then the client neither reads nor closes, as when it vanished.
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(probes.awaitClosed()).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> server.activeThreads() == 0);
            assertThat(server.adapter().bufferedBytes()).isZero();
        }
    }

    @Test
    void givesUpOnAClientThatStopsSendingItsBodyAsTheClientsFault(CapturedOutput output) throws Exception {
        Application echo = (environ, startResponse) -> {
            byte[] body = ((Input) environ.get(Environ.WSGI_INPUT)).read();
            startResponse.start("200 OK", List.of());
            return List.of(body);
        };
        try (NettyGatewayServer server = NettyGatewayServer.serve(echo, 1, Duration.ofMillis(300),
                httpServer -> httpServer); RawHttp http = new RawHttp(server.port())) {
            http.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nonly ten..");
            RawHttp.Response response = http.readResponse();
            assertThat(response.status()).isEqualTo(408);
            assertThat(response.text())
                .contains("the client sent no more of the request body within 300 ms (gateway.timeouts.request-body)");
        }
        assertThat(output).as("logged as the application's failure").doesNotContain("failed before the response");
    }

    @Test
    void servesThroughWebTestClientsMockServerWithoutANativeResponse() {
        Application echo = (environ, startResponse) -> {
            byte[] body = ((Input) environ.get(Environ.WSGI_INPUT)).read();
            Write write = startResponse.start("201 Created", List.of(new Header("Content-Type", "text/plain")));
            write.write("got ".getBytes(StandardCharsets.US_ASCII));
            return List.of(body, " at ".getBytes(StandardCharsets.US_ASCII),
                    ((String) environ.get(Environ.PATH_INFO)).getBytes(StandardCharsets.ISO_8859_1));
        };
        mockClient(echo).post()
            .uri("/some/path")
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("payload")
            .exchange()
            .expectStatus().isCreated()
            .expectBody(String.class).isEqualTo("got payload at /some/path");
    }

    @Test
    void answersA500ThroughWebTestClientsMockServer() {
        Application failing = (environ, startResponse) -> {
            throw new IllegalStateException("secret");
        };
        mockClient(failing).get()
            .uri("/")
            .exchange()
            .expectStatus().isEqualTo(500)
            .expectBody(String.class).isEqualTo("500 Internal Server Error\n");
    }

    @Test
    void leavesAFailureToSpringsErrorHandlingThroughWebTestClientsMockServer() {
        Application failing = (environ, startResponse) -> {
            throw new IllegalStateException("secret");
        };
        ReactiveGatewayAdapter adapter = new ReactiveGatewayAdapter(new Gateway(failing, GatewayOptions.defaults("mock")),
                runnable -> new Thread(runnable).start(), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(5), true);
        WebTestClient.bindToWebHandler(exchange -> adapter.handle(exchange, "", "/"))
            .build()
            .get()
            .uri("/")
            .exchange()
            .expectStatus().isEqualTo(500)
            // WebFlux's last resort, with no WebExceptionHandler here to render a body: not the plain text.
            .expectBody().isEmpty();
    }

    @Test
    void failsAResponseAbortedAfterItsHeadersThroughWebTestClientsMockServer() {
        Application failingLate = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return new Probes().body(2, index -> {
                if (index == 1) {
                    throw new IllegalStateException("failed after the first chunk");
                }
                return "first".getBytes(StandardCharsets.US_ASCII);
            });
        };
        assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> mockClient(failingLate).get()
                .uri("/")
                .exchange()
                .expectBody(String.class).returnResult())
            .withMessageContaining("gateway aborted the response");
    }

    private Application recordingEnviron() {
        return (environ, startResponse) -> {
            this.environ.set(Map.copyOf(Map.of(Environ.PATH_INFO, environ.get(Environ.PATH_INFO),
                    Environ.REQUEST_URI, environ.get(Environ.REQUEST_URI))));
            startResponse.start("200 OK", List.of());
            return List.of();
        };
    }

    private static WebTestClient mockClient(Application application) {
        ReactiveGatewayAdapter adapter = new ReactiveGatewayAdapter(
                new Gateway(application, GatewayOptions.defaults("mock")), Runnable -> new Thread(Runnable).start());
        return WebTestClient.bindToWebHandler(exchange -> adapter.handle(exchange, "",
                exchange.getRequest().getPath().pathWithinApplication().value())).build();
    }

    /** Return an application that answers "hello", whose length the engine knows. */
    private static Application hello() {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("hello".getBytes(StandardCharsets.US_ASCII));
        };
    }
}
