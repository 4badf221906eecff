package dev.gatewayinterface.it;

import static dev.gatewayinterface.it.ThroughNginx.echo;
import static dev.gatewayinterface.it.ThroughNginx.request;
import static dev.gatewayinterface.it.ThroughNginx.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
abstract class UwsgiBehindNginxContractTests extends NginxFrontContractTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    UwsgiBehindNginxContractTests(WebApplicationType stack) {
        super(stack);
    }

    @Override
    String[] gatewaySettings() {
        // On every address, as nginx reaches this JVM from its container through the back network's gateway.
        return new String[] { "gateway.uwsgi.enabled=true", "gateway.uwsgi.address=0.0.0.0", "gateway.uwsgi.port=0" };
    }

    @Override
    NginxProxy nginx(Path work, TlsFiles tls) throws Exception {
        return new NginxProxy(networks, "uwsgi.conf", gateway.uwsgiUpstream(networks.back().gateway(), work), tls);
    }

    @Override
    void checkTlsEnviron(Map<String, Object> environ) {
        // nginx states the client's port, and DOCUMENT_ROOT, a var no HTTP request carries: it came over uwsgi.
        assertThat(environ).containsKeys("REMOTE_PORT", "DOCUMENT_ROOT");
    }

    @Override
    void checkUploadEnviron(Map<String, Object> environ) {
        // nginx passes the client's Transfer-Encoding on as a var even though it sized the body, as under uWSGI.
    }

    @Test
    void putsTheScriptNameNginxSendsBeforeTheMount() throws Exception {
        Map<String, Object> environ = echo(get(nginx.https() + "/wsgi/echo/x?y=1"));
        assertThat(environ).containsEntry("SCRIPT_NAME", "/wsgi/echo")
            .containsEntry("PATH_INFO", "/x")
            .containsEntry("REQUEST_URI", "/wsgi/echo/x?y=1");
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
