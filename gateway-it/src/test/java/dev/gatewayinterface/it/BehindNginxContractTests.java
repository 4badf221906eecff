package dev.gatewayinterface.it;

import static dev.gatewayinterface.it.ThroughNginx.echo;
import static dev.gatewayinterface.it.ThroughNginx.randomBytes;
import static dev.gatewayinterface.it.ThroughNginx.request;
import static dev.gatewayinterface.it.ThroughNginx.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;

/**
 * Serve the gateway behind a real nginx running docs/deploy/nginx/gateway.conf, and check the environ its
 * applications see (docs/DEPLOYMENT.md): the client's address, scheme and host, the prefix nginx mounts them under,
 * request bodies, streamed responses and kept-alive upstream connections, and that no client can forge what
 * {@code gateway.proxy.trusted} believes. Each subclass runs the gateway on one stack; the checks are the same.
 */
abstract class BehindNginxContractTests extends NginxFrontContractTests {

    private static final String[] FORGED = { "X-Forwarded-For", "198.51.100.66", "X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "forged.example", "X-Forwarded-Port", "8443", "X-Forwarded-Prefix", "/forged",
            "Forwarded", "for=198.51.100.66;proto=https;host=forged.example" };

    BehindNginxContractTests(WebApplicationType stack) {
        super(stack);
    }

    @Override
    String[] gatewaySettings() {
        return new String[0];
    }

    @Override
    NginxProxy nginx(Path work, TlsFiles tls) throws Exception {
        return new NginxProxy(networks, gateway.upstream(networks.back().gateway(), work), tls);
    }

    @Override
    void checkTlsEnviron(Map<String, Object> environ) {
        // The gateway drops the proxy's own port once it believes the client's address from X-Forwarded-For.
        assertThat(environ).doesNotContainKey("REMOTE_PORT");
    }

    @Override
    void checkUploadEnviron(Map<String, Object> environ) {
        assertThat(environ).doesNotContainKey("HTTP_TRANSFER_ENCODING");
    }

    @Test
    void putsThePrefixNginxMountsTheApplicationsUnderIntoScriptName() throws Exception {
        Map<String, Object> environ = echo(get(nginx.https() + "/wsgi/echo/x?y=1"));
        assertThat(environ).containsEntry("SCRIPT_NAME", "/wsgi/echo")
            .containsEntry("PATH_INFO", "/x")
            .containsEntry("REQUEST_URI", "/wsgi/echo/x?y=1")
            .containsEntry("HTTP_X_FORWARDED_PREFIX", "/wsgi");
    }

    @Test
    void passesAnUploadUpToNginxsLimit() throws Exception {
        byte[] body = randomBytes(24 * 1024 * 1024);
        assertThat(echo(post("/echo", BodyPublishers.ofByteArray(body)))).containsEntry("body.length", body.length)
            .containsEntry("body.sha256", sha256(body));
    }

    @Test
    void refusesAnUploadOverNginxsLimitBeforeTheGatewaySeesIt() throws Exception {
        int before = ProxiedApplication.echoes.get();
        try (Socket socket = new Socket("127.0.0.1", URI.create(nginx.http()).getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: " + TlsFiles.HOST + "\r\nContent-Length: " + 33 * 1024 * 1024
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
            assertThat(status).startsWith("HTTP/1.1 413 ");
        }
        assertThat(ProxiedApplication.echoes.get()).isEqualTo(before);
    }

    @Test
    void keepsUpstreamConnectionsAliveBetweenRequests() throws Exception {
        Set<Object> connections = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            // A new client each time: only nginx's own upstream connections can carry two requests.
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> response = fresh.send(request(nginx.http() + "/echo").GET().build(),
                    BodyHandlers.ofString());
            connections.add(echo(response).get("connection.port"));
        }
        // One upstream connection per nginx worker at most, where each request would otherwise open its own.
        assertThat(connections).hasSizeLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void changesNothingForADirectClientThatForgesForwardedHeaders() throws Exception {
        Map<String, Object> environ = echo(get("http://127.0.0.1:" + gateway.port() + "/echo/x", FORGED));
        assertThat(environ).containsEntry("REMOTE_ADDR", "127.0.0.1")
            .containsEntry("wsgi.url_scheme", "http")
            .containsEntry("SERVER_NAME", TlsFiles.HOST)
            .containsEntry("SERVER_PORT", "80")
            .containsEntry("SCRIPT_NAME", "/echo")
            .containsEntry("HTTP_X_FORWARDED_FOR", "198.51.100.66")
            .doesNotContainKey("HTTPS");
    }

    @Test
    void givesAClientBehindNginxThatForgesForwardedHeadersOnlyItsOwnAddress() throws Exception {
        Map<String, Object> environ = echo(get(nginx.http() + "/echo/x", FORGED));
        assertThat(environ).containsEntry("REMOTE_ADDR", clientAddress())
            .containsEntry("wsgi.url_scheme", "http")
            .containsEntry("SERVER_NAME", TlsFiles.HOST)
            .containsEntry("SERVER_PORT", "80")
            .containsEntry("SCRIPT_NAME", "/echo")
            .containsEntry("HTTP_X_FORWARDED_FOR", "198.51.100.66, " + clientAddress())
            .doesNotContainKeys("HTTPS", "HTTP_FORWARDED", "HTTP_X_FORWARDED_PREFIX");
    }
}
