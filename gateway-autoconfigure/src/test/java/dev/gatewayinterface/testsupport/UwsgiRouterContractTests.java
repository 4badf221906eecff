package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.autoconfigure.uwsgi.GatewayUwsgiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Put uWSGI's own HTTP router, from Debian's uwsgi-core ({@code uwsgi --http … --http-to …}), in front of the uwsgi
 * listener: the client nearest to what uWSGI applications were written for. Each stack runs it through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UwsgiRouterContractTests extends UwsgiProxyContractTests {

    @Autowired
    private GatewayUwsgiServer uwsgi;

    private ExternalServer router;

    @BeforeAll
    void startRouter() throws IOException {
        Path folder = Files.createTempDirectory("gateway-uwsgi-router");
        int port = ExternalServer.freePort();
        router = ExternalServer.start("/usr/bin/uwsgi", "uwsgi-core", folder, port, List.of("/usr/bin/uwsgi",
                "--plugin", "http", "--master", "--die-on-term", "--http", "127.0.0.1:" + port, "--http-to",
                "127.0.0.1:" + uwsgi.getPort(), "--http-processes", "1"));
    }

    @AfterAll
    void stopRouter() {
        if (router != null) {
            router.close();
        }
    }

    @Test
    void givesTheApplicationTheEnvironTheRouterDescribes() throws Exception {
        RawHttp.Response response = viaProxy("GET /env/x?q=1 HTTP/1.1\r\nHost: localhost\r\nX-Probe: one\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("ok");
        assertThat(probes.environ.get()).containsEntry(Environ.REQUEST_METHOD, "GET")
            .containsEntry(Environ.SCRIPT_NAME, "/env")
            .containsEntry(Environ.PATH_INFO, "/x")
            .containsEntry(Environ.QUERY_STRING, "q=1")
            .containsEntry(Environ.REQUEST_URI, "/env/x?q=1")
            .containsEntry(Environ.SERVER_PORT, Integer.toString(router.port()))
            .containsEntry(Environ.REMOTE_ADDR, "127.0.0.1")
            .containsEntry("HTTP_HOST", "localhost")
            .containsEntry("HTTP_X_PROBE", "one")
            .containsEntry("UWSGI_ROUTER", "http")
            .doesNotContainKey(Environ.CONTENT_LENGTH);
    }

    @Test
    void givesAnApplicationThatReadsABodylessRequestAnEmptyBody() throws Exception {
        RawHttp.Response response = viaProxy("GET /echo HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEmpty();
    }

    @Test
    void streamsEachChunkAsTheApplicationYieldsIt() throws Exception {
        try (RawHttp http = new RawHttp(router.port())) {
            http.send("GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(http.readExactly(8)).asString().isEqualTo("chunk 0\n");
            probes.open();
            assertThat(http.readBody(head)).asString().isEqualTo("chunk 1\n");
        }
        assertBodyClosedOnce();
    }

    @Override
    protected int proxyPort() {
        return router.port();
    }
}
