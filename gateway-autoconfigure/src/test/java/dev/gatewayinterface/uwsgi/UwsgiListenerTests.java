package dev.gatewayinterface.uwsgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.engine.GatewayOptions;
import dev.gatewayinterface.engine.TrustedProxies;
import dev.gatewayinterface.testsupport.RawHttp;
import dev.gatewayinterface.testsupport.UwsgiClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Check the listener's own answers and its life on a real socket, without Spring: a path no application holds, a body
 * above the limit, a peer too slow to send its packet, the trust policy's say over the environ, and a graceful stop
 * that lets a request in progress finish while refusing new connections.
 */
class UwsgiListenerTests {

    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private final CountDownLatch release = new CountDownLatch(1);

    private final CountDownLatch entered = new CountDownLatch(1);

    private final AtomicReference<Map<String, Object>> seen = new AtomicReference<>();

    private UwsgiListener listener;

    @AfterEach
    void stop() {
        release.countDown();
        if (listener != null) {
            listener.stop();
        }
        threads.shutdownNow();
    }

    @Test
    void answers404ItselfForAPathNoApplicationHolds() throws Exception {
        start(settings(-1, Duration.ofSeconds(10)), UwsgiTrustPolicy.TRUST_VARS);
        RawHttp.Response response = send("GET", "/elsewhere", "");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).isEqualTo("404 Not Found: no application is mounted at \"/elsewhere\"\n");
        assertThat(listener.statistics().refused(UwsgiStatistics.Refusal.NO_MOUNT)).isEqualTo(1);
        try (UwsgiClient client = new UwsgiClient(listener.port())) {
            client.request(UwsgiClient.nginxVars("HEAD", "/elsewhere", "/elsewhere", ""), new byte[0]);
            RawHttp.Head head = client.http().readHead();
            assertThat(head.status()).isEqualTo(404);
            assertThat(head.header("content-length")).isEqualTo(Integer.toString(response.body().length));
            assertThat(client.http().readAll()).isEmpty();
        }
    }

    @Test
    void answers413ItselfForABodyAboveTheLimit() throws Exception {
        start(settings(4, Duration.ofSeconds(10)), UwsgiTrustPolicy.TRUST_VARS);
        RawHttp.Response response = send("POST", "/app", "hello");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.text()).contains("gateway.uwsgi.max-body-size (4 bytes)");
        assertThat(seen.get()).isNull();
        assertThat(send("POST", "/app", "four").status()).isEqualTo(200);
    }

    @Test
    void closesTheConnectionOfAPeerTooSlowToSendItsPacket() throws Exception {
        start(settings(-1, Duration.ofMillis(300)), UwsgiTrustPolicy.TRUST_VARS);
        try (UwsgiClient client = new UwsgiClient(listener.port())) {
            client.send(new byte[] { 0, 40, 0, 0 });
            assertThat(client.http().serverClosed()).isTrue();
        }
        assertThat(listener.statistics().faults(UwsgiFault.TRUNCATED_VARS)).isEqualTo(1);
    }

    @Test
    void letsTheTrustPolicyDecideWhatTheEnvironSaysOfTheClient() throws Exception {
        start(settings(-1, Duration.ofSeconds(10)), (peer, stated, connection, vars) -> new ClientFacts(
                "203.0.113.5", -1, "http", stated.serverName(), stated.serverPort()));
        assertThat(send("GET", "/app", "").status()).isEqualTo(200);
        assertThat(seen.get()).containsEntry(Environ.REMOTE_ADDR, "203.0.113.5")
            .containsEntry(Environ.WSGI_URL_SCHEME, "http")
            .doesNotContainKeys(Environ.REMOTE_PORT, Environ.HTTPS);
    }

    @Test
    void believesTheVarsOfAPeerTheTrustedProxiesName() throws Exception {
        start(settings(-1, Duration.ofSeconds(10)), UwsgiTrustPolicy.trusting(TrustedProxies.of(List.of("127.0.0.1"))));
        assertThat(send("GET", "/app", "", "REMOTE_USER", "alice", "AUTH_TYPE", "Basic").status()).isEqualTo(200);
        assertThat(seen.get()).containsEntry(Environ.REMOTE_ADDR, "192.0.2.7")
            .containsEntry(Environ.REMOTE_PORT, "51000")
            .containsEntry(Environ.WSGI_URL_SCHEME, "https")
            .containsEntry(Environ.HTTPS, "on")
            .containsEntry(Environ.SERVER_NAME, "example.test")
            .containsEntry(Environ.SERVER_PORT, "8080")
            .containsEntry(Environ.REMOTE_USER, "alice")
            .containsEntry(Environ.AUTH_TYPE, "Basic");
    }

    @Test
    void describesTheConnectionForAPeerTheTrustedProxiesDoNotName() throws Exception {
        start(settings(-1, Duration.ofSeconds(10)), UwsgiTrustPolicy.trusting(TrustedProxies.of(List.of("10.0.0.0/8"))));
        List<String> vars = UwsgiClient.nginxVars("GET", "/app", "/app", "");
        vars.set(vars.indexOf("SERVER_NAME") + 1, "forged.example");
        vars.set(vars.indexOf("SERVER_PORT") + 1, "443");
        vars.addAll(List.of("HTTPS", "on", "REMOTE_USER", "alice", "AUTH_TYPE", "Basic"));
        assertThat(send(vars).status()).isEqualTo(200);
        Map<String, Object> environ = seen.get();
        assertThat(environ).containsEntry(Environ.REMOTE_ADDR, "127.0.0.1")
            .containsEntry(Environ.WSGI_URL_SCHEME, "http")
            .containsEntry(Environ.SERVER_NAME, "example.test")
            .containsEntry(Environ.SERVER_PORT, "8080")
            .containsEntry("HTTP_HOST", "example.test:8080")
            .doesNotContainKeys(Environ.HTTPS, Environ.REMOTE_USER, Environ.AUTH_TYPE);
        assertThat(environ.get(Environ.REMOTE_PORT)).asString().matches("\\d+").isNotEqualTo("51000");
    }

    @Test
    void describesTheListenerForAnUntrustedPeerThatSendsNoHost() throws Exception {
        start(settings(-1, Duration.ofSeconds(10)), UwsgiTrustPolicy.trusting(TrustedProxies.NONE));
        assertThat(send(List.of("REQUEST_METHOD", "GET", "PATH_INFO", "/app", "SERVER_NAME", "forged.example"))
            .status()).isEqualTo(200);
        assertThat(seen.get()).containsEntry(Environ.SERVER_NAME, "127.0.0.1")
            .containsEntry(Environ.SERVER_PORT, Integer.toString(listener.port()));
    }

    @Test
    void stopsGracefullyLettingARequestInProgressFinishWhileRefusingNewConnections() throws Exception {
        start(settings(-1, Duration.ofSeconds(10)), UwsgiTrustPolicy.TRUST_VARS);
        int port = listener.port();
        CompletableFuture<RawHttp.Response> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return send("GET", "/app/slow", "");
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }, threads);
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
        try (UwsgiClient idle = new UwsgiClient(port)) {
            CompletableFuture<Void> drained = listener.shutDownGracefully();
            assertThat(idle.http().serverClosed()).as("a connection without a request is closed").isTrue();
            assertThat(drained).isNotDone();
            assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> new Socket("127.0.0.1", port).close());
            release.countDown();
            assertThat(slow.get(20, TimeUnit.SECONDS).text()).isEqualTo("done");
            drained.get(20, TimeUnit.SECONDS);
        }
        listener.stop();
        assertThatIllegalStateException().isThrownBy(listener::port);
    }

    private void start(UwsgiSettings settings, UwsgiTrustPolicy trust) {
        Application application = (environ, startResponse) -> {
            seen.set(environ);
            if ("/slow".equals(environ.get(Environ.PATH_INFO))) {
                entered.countDown();
                release.await(20, TimeUnit.SECONDS);
            }
            environ.get(Environ.WSGI_INPUT);
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("done".getBytes(StandardCharsets.US_ASCII));
        };
        Gateway gateway = new Gateway(application, GatewayOptions.defaults("app"));
        UwsgiRouter router = rawPath -> rawPath.equals("/app") || rawPath.startsWith("/app/")
                ? new UwsgiRouter.Route(gateway, "/app", rawPath.substring(4)) : null;
        listener = new UwsgiListener(router, threads, settings, trust);
        listener.start();
    }

    private RawHttp.Response send(String method, String path, String body, String... moreVars) throws IOException {
        List<String> vars = UwsgiClient.nginxVars(method, path, path, body.isEmpty() ? "" : Integer.toString(body.length()));
        vars.addAll(List.of("HTTPS", "on"));
        vars.addAll(List.of(moreVars));
        try (UwsgiClient client = new UwsgiClient(listener.port())) {
            return client.request(vars, body.getBytes(StandardCharsets.US_ASCII)).readResponse();
        }
    }

    private RawHttp.Response send(List<String> vars) throws IOException {
        try (UwsgiClient client = new UwsgiClient(listener.port())) {
            return client.request(vars, new byte[0]).readResponse();
        }
    }

    private static UwsgiSettings settings(long maxBodySize, Duration requestTimeout) {
        return new UwsgiSettings("127.0.0.1", 0, 8192, maxBodySize, requestTimeout, Duration.ofSeconds(20),
                Duration.ofSeconds(1));
    }
}
