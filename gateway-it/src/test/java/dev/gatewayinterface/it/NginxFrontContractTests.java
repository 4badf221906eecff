package dev.gatewayinterface.it;

import static dev.gatewayinterface.it.ThroughNginx.echo;
import static dev.gatewayinterface.it.ThroughNginx.randomBytes;
import static dev.gatewayinterface.it.ThroughNginx.request;
import static dev.gatewayinterface.it.ThroughNginx.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;

/**
 * Run the gateway in this JVM behind a real nginx on two Docker networks (clients on the front one, the gateway
 * reached on the back one, which {@code gateway.proxy.trusted} names), and check what every way of passing requests
 * on must give alike: the client's view over TLS and plain HTTP, sized and chunked uploads, and a streamed response.
 * A subclass chooses how nginx passes requests on (proxy_pass, uwsgi_pass) and adds what differs; its subclasses
 * choose the stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NginxFrontContractTests {

    private final WebApplicationType stack;

    ProxyNetworks networks;

    GatewayServer gateway;

    NginxProxy nginx;

    HttpClient client;

    NginxFrontContractTests(WebApplicationType stack) {
        this.stack = stack;
    }

    /** Return the gateway's settings beyond its mounts and {@code gateway.proxy.trusted}. */
    abstract String[] gatewaySettings();

    /** Return nginx configured from docs/deploy/nginx to reach the started gateway, its files written in work. */
    abstract NginxProxy nginx(Path work, TlsFiles tls) throws Exception;

    /** Check what differs between the ways nginx passes requests on, in the environ of a request over TLS. */
    abstract void checkTlsEnviron(Map<String, Object> environ);

    /** Check what differs between the ways nginx passes requests on, in the environ of an upload. */
    abstract void checkUploadEnviron(Map<String, Object> environ);

    @BeforeAll
    void startNginxInFrontOfTheGateway() throws Exception {
        networks = ProxyNetworks.create();
        List<String> settings = new ArrayList<>(List.of("gateway.proxy.trusted=" + networks.back().subnet(),
                // The body limit in step with nginx's client_max_body_size, as docs/deploy/kubernetes/deployment.yaml
                // sets it.
                "gateway.limits.max-request-body=32MB"));
        settings.addAll(List.of(gatewaySettings()));
        gateway = GatewayServer.start(stack, settings.toArray(String[]::new));
        Path work = ItPaths.module().resolve("target/" + getClass().getSimpleName());
        TlsFiles tls = TlsFiles.create(work);
        nginx = nginx(work, tls);
        nginx.start();
        client = ThroughNginx.client(tls);
    }

    @AfterAll
    void stop() {
        try (ProxyNetworks removed = networks; GatewayServer stopped = gateway) {
            if (nginx != null) {
                nginx.stop();
            }
        }
    }

    @Test
    void givesTheApplicationTheClientsAddressSchemeAndHostOverTls() throws Exception {
        Map<String, Object> environ = echo(get(nginx.https() + "/echo/x?y=1"));
        assertThat(environ).containsEntry("REMOTE_ADDR", clientAddress())
            .containsEntry("wsgi.url_scheme", "https")
            .containsEntry("HTTPS", "on")
            .containsEntry("HTTP_HOST", TlsFiles.HOST)
            .containsEntry("SERVER_NAME", TlsFiles.HOST)
            .containsEntry("SERVER_PORT", "443")
            .containsEntry("SCRIPT_NAME", "/echo")
            .containsEntry("PATH_INFO", "/x")
            .containsEntry("QUERY_STRING", "y=1")
            .containsEntry("REQUEST_URI", "/echo/x?y=1")
            .containsEntry("SERVER_PROTOCOL", "HTTP/1.1");
        checkTlsEnviron(environ);
    }

    @Test
    void givesAPlainHttpRequestTheHttpSchemeAndPort() throws Exception {
        Map<String, Object> environ = echo(get(nginx.http() + "/echo"));
        assertThat(environ).containsEntry("REMOTE_ADDR", clientAddress())
            .containsEntry("wsgi.url_scheme", "http")
            .containsEntry("SERVER_PORT", "80")
            .containsEntry("SCRIPT_NAME", "/echo")
            .containsEntry("PATH_INFO", "")
            .doesNotContainKey("HTTPS");
    }

    @Test
    void passesSizedAndChunkedBodiesWhole() throws Exception {
        byte[] body = randomBytes(1_000_000);
        Map<String, Object> sized = echo(post("/echo", BodyPublishers.ofByteArray(body)));
        Map<String, Object> chunked = echo(post("/echo",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        for (Map<String, Object> environ : List.of(sized, chunked)) {
            // nginx reads the body whole before passing it on, so even a chunked upload arrives with its length.
            assertThat(environ).containsEntry("body.length", body.length)
                .containsEntry("body.sha256", sha256(body))
                .containsEntry("CONTENT_LENGTH", Integer.toString(body.length));
            checkUploadEnviron(environ);
        }
    }

    @Test
    void streamsAResponseUnbufferedWhenTheApplicationSaysItStreams() throws Exception {
        ProxiedApplication.gate.close();
        HttpResponse<InputStream> response = client.send(request(nginx.https() + "/stream").GET().build(),
                BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.US_ASCII))) {
            // The application waits at the gate before its second chunk: the first must already be through nginx.
            assertThat(lines.readLine()).isEqualTo("first");
            ProxiedApplication.gate.open();
            assertThat(lines.readLine()).isEqualTo("second");
            assertThat(lines.readLine()).isNull();
        }
        assertThat(response.headers().firstValue("X-Accel-Buffering")).isEmpty();
    }

    /** Return the address nginx sees clients of this test at: Docker's port publishing on the front network. */
    String clientAddress() {
        return networks.front().gateway();
    }

    HttpResponse<String> get(String url, String... headers) throws Exception {
        return ThroughNginx.get(client, url, headers);
    }

    HttpResponse<String> post(String path, BodyPublisher body) throws Exception {
        return client.send(request(nginx.https() + path).POST(body).build(), BodyHandlers.ofString());
    }
}
