package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.autoconfigure.uwsgi.GatewayUwsgiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Put a real nginx, started from Debian's package with a generated configuration and the stock
 * {@code /etc/nginx/uwsgi_params}, in front of the uwsgi listener ({@code uwsgi_pass}), and check what a client of nginx
 * gets and what the applications see. Each stack runs it through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class NginxUwsgiContractTests extends UwsgiProxyContractTests {

    @Autowired
    private GatewayUwsgiServer uwsgi;

    private ExternalServer nginx;

    @BeforeAll
    void startNginx() throws IOException {
        Path folder = Files.createTempDirectory("gateway-nginx");
        int port = ExternalServer.freePort();
        // A configuration like docs/deploy/nginx/uwsgi.conf, with the stock uwsgi_params beside it, as in /etc/nginx.
        Files.copy(Path.of("/etc/nginx/uwsgi_params"), folder.resolve("uwsgi_params"));
        String temp = Files.createDirectories(folder.resolve("temp")).toString();
        Files.writeString(folder.resolve("nginx.conf"), String.join("\n",
                "daemon off;", "master_process off;", "worker_processes 1;", "pid " + folder.resolve("nginx.pid") + ";",
                "error_log stderr notice;", "events { worker_connections 64; }", "http {", "  access_log off;",
                "  client_body_temp_path " + temp + "/body;", "  uwsgi_temp_path " + temp + "/uwsgi;",
                "  proxy_temp_path " + temp + "/proxy;", "  fastcgi_temp_path " + temp + "/fastcgi;",
                "  scgi_temp_path " + temp + "/scgi;",
                "  upstream gateway { server 127.0.0.1:" + uwsgi.getPort() + "; }",
                "  server {", "    listen 127.0.0.1:" + port + ";", "    server_name example.org;",
                "    client_max_body_size 20m;",
                "    location / { include uwsgi_params; uwsgi_pass gateway; }",
                "    location /stream { include uwsgi_params; uwsgi_buffering off; uwsgi_pass gateway; }",
                "    location /legacy/ { include uwsgi_params; uwsgi_param SCRIPT_NAME /legacy; uwsgi_pass gateway; }",
                "  }", "}", ""));
        nginx = ExternalServer.start("/usr/sbin/nginx", "nginx-light", folder, port, List.of("/usr/sbin/nginx", "-e",
                "stderr", "-p", folder.toString(), "-c", folder.resolve("nginx.conf").toString()));
    }

    @AfterAll
    void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void givesTheApplicationTheEnvironOfTheClientNginxServed() throws Exception {
        RawHttp.Response response = viaProxy("GET /env/caf%C3%A9/x?q=%20a HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Repeated: a\r\nX-Repeated: b\r\nX_Under: sneaky\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> environ = probes.environ.get();
        assertThat(environ).containsEntry(Environ.REQUEST_METHOD, "GET")
            .containsEntry(Environ.SCRIPT_NAME, "/env")
            .containsEntry(Environ.PATH_INFO, "/caf\u00c3\u00a9/x")
            .containsEntry(Environ.QUERY_STRING, "q=%20a")
            .containsEntry(Environ.REQUEST_URI, "/env/caf%C3%A9/x?q=%20a")
            .containsEntry(Environ.SERVER_NAME, "example.org")
            .containsEntry(Environ.SERVER_PORT, Integer.toString(nginx.port()))
            .containsEntry(Environ.SERVER_PROTOCOL, "HTTP/1.1")
            .containsEntry(Environ.REMOTE_ADDR, "127.0.0.1")
            .containsEntry(Environ.WSGI_URL_SCHEME, "http")
            .containsEntry("HTTP_HOST", "localhost")
            .containsEntry("HTTP_X_REPEATED", "a,b")
            .containsKey("DOCUMENT_ROOT")
            .doesNotContainKeys("HTTP_X_UNDER", Environ.CONTENT_LENGTH, Environ.HTTPS);
        assertThat(environ.get(Environ.REMOTE_PORT)).asString().matches("\\d+");
    }

    @Test
    void passesAChunkedUploadThatNginxSizes() throws Exception {
        RawHttp.Response response = viaProxy("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n6\r\nchunky\r\n5\r\n bits\r\n0\r\n\r\n");
        assertThat(response.text()).isEqualTo("chunky bits");
        assertThat(response.head().header("x-environ-content-length")).isEqualTo("11");
    }

    @Test
    void streamsEachChunkThroughAnUnbufferedLocation() throws Exception {
        try (RawHttp http = new RawHttp(nginx.port())) {
            http.send("GET /stream HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            // The application still waits at the gate before its second chunk: the first went through nginx alone.
            assertThat(http.readChunk()).asString().isEqualTo("chunk 0\n");
            probes.open();
            assertThat(http.readChunk()).asString().isEqualTo("chunk 1\n");
            assertThat(http.readChunk()).isNull();
        }
        assertBodyClosedOnce();
    }

    @Test
    void leavesAResponseCutShortIncompleteForTheClient() throws Exception {
        try (RawHttp http = new RawHttp(nginx.port())) {
            http.send("GET /fail-late HTTP/1.1\r\nHost: localhost\r\n\r\n");
            // The listener reset its connection after the first chunk: nginx must not end the client's response as if
            // it were whole; it closes the client's connection, before or within the body, as it buffered.
            assertThatIOException().isThrownBy(http::readResponse);
        }
        // The body's close() may run after the client saw the cut: wait for it, lest it count in the next test.
        assertBodyClosedOnce();
    }

    @Test
    void mountsBelowTheScriptNameNginxPasses() throws Exception {
        viaProxy("GET /legacy/env/x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(probes.environ.get()).containsEntry(Environ.SCRIPT_NAME, "/legacy/env")
            .containsEntry(Environ.PATH_INFO, "/x")
            .containsEntry(Environ.REQUEST_URI, "/legacy/env/x");
    }

    @Override
    protected int proxyPort() {
        return nginx.port();
    }
}
