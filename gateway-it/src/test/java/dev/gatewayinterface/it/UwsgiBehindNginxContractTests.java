package dev.gatewayinterface.it;

import static dev.gatewayinterface.it.ThroughNginx.echo;
import static dev.gatewayinterface.it.ThroughNginx.randomBytes;
import static dev.gatewayinterface.it.ThroughNginx.request;
import static dev.gatewayinterface.it.ThroughNginx.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serve the gateway's uwsgi listener behind a real nginx running docs/deploy/nginx/uwsgi.conf, {@code uwsgi_pass} with
 * the stock {@code uwsgi_params}, and check what its applications see and send (docs/DEPLOYMENT.md, "uwsgi"): the
 * client nginx states, TLS, the prefix nginx names in {@code SCRIPT_NAME}, sized and chunked uploads, a streamed
 * response, a file body, errors, and that neither a client behind nginx nor a peer that
 * {@code gateway.proxy.trusted} does not name can state another client (docs/SPEC.md §17.3). Each subclass runs the
 * gateway on one stack; the checks are the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UwsgiBehindNginxContractTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebApplicationType stack;

    private ProxyNetworks networks;

    private GatewayServer gateway;

    private NginxProxy nginx;

    private HttpClient client;

    UwsgiBehindNginxContractTests(WebApplicationType stack) {
        this.stack = stack;
    }

    @BeforeAll
    void startNginxInFrontOfTheUwsgiListener() throws Exception {
        networks = ProxyNetworks.create();
        // On every address, as nginx reaches this JVM from its container through the back network's gateway.
        gateway = GatewayServer.start(stack, "gateway.proxy.trusted=" + networks.back().subnet(),
                "gateway.uwsgi.enabled=true", "gateway.uwsgi.address=0.0.0.0", "gateway.uwsgi.port=0");
        Path work = ItPaths.module().resolve("target/uwsgi-behind-nginx-" + stack.name().toLowerCase());
        TlsFiles tls = TlsFiles.create(work);
        nginx = new NginxProxy(networks, "uwsgi.conf", gateway.uwsgiUpstream(networks.back().gateway(), work), tls);
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
    void givesTheApplicationTheClientNginxServedOverTls() throws Exception {
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
            .containsEntry("SERVER_PROTOCOL", "HTTP/1.1")
            .containsKey("REMOTE_PORT")
            // A var of nginx's uwsgi_params that no HTTP request carries: the request came over uwsgi.
            .containsKey("DOCUMENT_ROOT");
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
    void putsTheScriptNameNginxSendsBeforeTheMount() throws Exception {
        Map<String, Object> environ = echo(get(nginx.https() + "/wsgi/echo/x?y=1"));
        assertThat(environ).containsEntry("SCRIPT_NAME", "/wsgi/echo")
            .containsEntry("PATH_INFO", "/x")
            .containsEntry("REQUEST_URI", "/wsgi/echo/x?y=1");
    }

    @Test
    void passesSizedAndChunkedBodiesWhole() throws Exception {
        byte[] body = randomBytes(1_000_000);
        Map<String, Object> sized = echo(post("/echo", BodyPublishers.ofByteArray(body)));
        Map<String, Object> chunked = echo(post("/echo",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        for (Map<String, Object> environ : List.of(sized, chunked)) {
            // nginx reads the body whole before passing it on, so even a chunked upload arrives with its length
            // (and with HTTP_TRANSFER_ENCODING, nginx's copy of the client's header, as under uWSGI).
            assertThat(environ).containsEntry("body.length", body.length)
                .containsEntry("body.sha256", sha256(body))
                .containsEntry("CONTENT_LENGTH", Integer.toString(body.length));
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

    @Test
    void sendsAFileWrapperBodyWhole() throws Exception {
        HttpResponse<byte[]> response = client.send(request(nginx.https() + "/file").GET().build(),
                BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Long.toString(Files.size(
                ProxiedApplication.FILE)));
        assertThat(sha256(response.body())).isEqualTo(sha256(Files.readAllBytes(ProxiedApplication.FILE)));
    }

    @Test
    void answers500WithoutDetailWhenTheApplicationFails() throws Exception {
        HttpResponse<String> response = get(nginx.https() + "/fail");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("on purpose");
    }

    @Test
    void answers404ItselfForAPathNoApplicationHolds() throws Exception {
        HttpResponse<String> response = get(nginx.https() + "/elsewhere");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no application is mounted at \"/elsewhere\"");
    }

    @Test
    void givesAClientBehindNginxThatForgesForwardedHeadersOnlyItsOwnAddress() throws Exception {
        Map<String, Object> environ = echo(get(nginx.http() + "/echo/x", "X-Forwarded-For", "198.51.100.66",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "forged.example", "X-Forwarded-Prefix", "/forged"));
        assertThat(environ).containsEntry("REMOTE_ADDR", clientAddress())
            .containsEntry("wsgi.url_scheme", "http")
            .containsEntry("SERVER_NAME", TlsFiles.HOST)
            .containsEntry("SCRIPT_NAME", "/echo")
            .containsEntry("HTTP_X_FORWARDED_FOR", "198.51.100.66")
            .doesNotContainKey("HTTPS");
    }

    @Test
    void believesNothingAPeerOutsideTheTrustedProxiesStatesOfTheClient() throws Exception {
        // The test's JVM connects from 127.0.0.1, which gateway.proxy.trusted (the back network) does not name.
        Map<String, Object> environ = uwsgiEcho("REQUEST_METHOD", "GET", "REQUEST_URI", "/echo/x", "PATH_INFO",
                "/echo/x", "SERVER_PROTOCOL", "HTTP/1.1", "REMOTE_ADDR", "198.51.100.66", "REMOTE_PORT", "4711",
                "HTTPS", "on", "SERVER_NAME", "forged.example", "SERVER_PORT", "443", "REMOTE_USER", "admin",
                "HTTP_HOST", TlsFiles.HOST);
        assertThat(environ).containsEntry("REMOTE_ADDR", "127.0.0.1")
            .containsEntry("wsgi.url_scheme", "http")
            .containsEntry("SERVER_NAME", TlsFiles.HOST)
            .containsEntry("SERVER_PORT", "80")
            .containsEntry("PATH_INFO", "/x")
            .doesNotContainKeys("HTTPS", "REMOTE_USER");
        assertThat(environ.get("REMOTE_PORT")).isNotEqualTo("4711");
    }

    /** Return the address nginx sees clients of this test at: Docker's port publishing on the front network. */
    private String clientAddress() {
        return networks.front().gateway();
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        return ThroughNginx.get(client, url, headers);
    }

    private HttpResponse<String> post(String path, BodyPublisher body) throws Exception {
        return client.send(request(nginx.https() + path).POST(body).build(), BodyHandlers.ofString());
    }

    /** Send a uwsgi packet with these vars straight to the listener, and return the echo's environ. */
    private Map<String, Object> uwsgiEcho(String... vars) throws Exception {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (String text : vars) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            block.write(bytes.length & 0xFF);
            block.write(bytes.length >> 8);
            block.writeBytes(bytes);
        }
        try (Socket socket = new Socket("127.0.0.1", gateway.uwsgiPort())) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(new byte[] { 0, (byte) block.size(), (byte) (block.size() >> 8), 0 });
            block.writeTo(socket.getOutputStream());
            // One request a connection: the listener closes it once the response is whole (SPEC §17.4).
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 200 ");
            return JSON.readValue(response.substring(response.indexOf("\r\n\r\n") + 4),
                    new TypeReference<Map<String, Object>>() {
                    });
        }
    }
}
