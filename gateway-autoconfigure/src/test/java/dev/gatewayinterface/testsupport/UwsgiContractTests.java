package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.autoconfigure.uwsgi.GatewayUwsgiServer;
import dev.gatewayinterface.uwsgi.UwsgiFault;
import dev.gatewayinterface.uwsgi.UwsgiStatistics;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.TestPropertySource;

/**
 * Check the uwsgi listener over a real socket, with a client that speaks the protocol as nginx's uwsgi_pass does: the
 * environ the applications see, bodies, streaming, files, errors, a prefix mount, saturation and bad input. Each stack
 * runs it through a subclass, since the listener serves the same mounts through the same engine on either. The client
 * connects from the loopback address, which {@code gateway.proxy.trusted} names, so that its vars are believed.
 */
@TestPropertySource(properties = TrustedProxyContractTests.TRUSTED_LOOPBACK)
public abstract class UwsgiContractTests extends ProbedServerTests {

    @Autowired
    private GatewayUwsgiServer uwsgi;

    @Autowired
    private MeterRegistry registry;

    @Test
    void buildsTheEnvironFromTheVarsNginxSends() throws Exception {
        List<String> vars = UwsgiClient.nginxVars("GET", "/env/caf%C3%A9/x?q=%20a", "/env/caf\u00c3\u00a9/x", "");
        vars.addAll(List.of("HTTPS", "on", "HTTP_X_REPEATED", "a", "HTTP_X_REPEATED", "b", "HTTP_COOKIE", "a=1"));
        assertThat(send(vars, "").text()).isEqualTo("ok");
        Map<String, Object> environ = probes.environ.get();
        assertThat(environ).containsEntry(Environ.REQUEST_METHOD, "GET")
            .containsEntry(Environ.SCRIPT_NAME, "/env")
            .containsEntry(Environ.PATH_INFO, "/caf\u00c3\u00a9/x")
            .containsEntry(Environ.QUERY_STRING, "q=%20a")
            .containsEntry(Environ.REQUEST_URI, "/env/caf%C3%A9/x?q=%20a")
            .containsEntry(Environ.RAW_URI, "/env/caf%C3%A9/x?q=%20a")
            .containsEntry(Environ.SERVER_NAME, "example.test")
            .containsEntry(Environ.SERVER_PORT, "8080")
            .containsEntry(Environ.SERVER_PROTOCOL, "HTTP/1.1")
            .containsEntry(Environ.REMOTE_ADDR, "192.0.2.7")
            .containsEntry(Environ.REMOTE_PORT, "51000")
            .containsEntry(Environ.HTTPS, "on")
            .containsEntry(Environ.WSGI_URL_SCHEME, "https")
            .containsEntry("HTTP_HOST", "example.test:8080")
            .containsEntry("HTTP_X_REPEATED", "a,b")
            .containsEntry("HTTP_COOKIE", "a=1")
            .containsEntry("DOCUMENT_ROOT", "/usr/share/nginx/html")
            .containsEntry("DEPLOYED_BY", "tests")
            .containsEntry(Environ.WSGI_MULTITHREAD, true)
            .doesNotContainKeys(Environ.CONTENT_LENGTH, Environ.CONTENT_TYPE, "REQUEST_SCHEME", "HTTP_CONTENT_LENGTH");
        assertThat(environ.get("gateway.uwsgi_vars")).isNotNull();
        assertThat(probes.thread.get().getName()).startsWith("gateway-uwsgi-");
    }

    @Test
    void mountsBelowTheScriptNameNginxSets() throws Exception {
        List<String> vars = UwsgiClient.nginxVars("GET", "/legacy/env/x", "/legacy/env/x", "");
        vars.addAll(List.of("SCRIPT_NAME", "/legacy"));
        assertThat(send(vars, "").text()).isEqualTo("ok");
        assertThat(probes.environ.get()).containsEntry(Environ.SCRIPT_NAME, "/legacy/env")
            .containsEntry(Environ.PATH_INFO, "/x");
    }

    @Test
    void passesASizedBody() throws Exception {
        RawHttp.Response response = send(UwsgiClient.nginxVars("POST", "/echo", "/echo", "5"), "hello");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.head().header("x-environ-content-length")).isEqualTo("5");
    }

    @Test
    void stopsTheBodyAtItsContentLength() throws Exception {
        assertThat(send(UwsgiClient.nginxVars("POST", "/echo", "/echo", "3"), "abcdef").text()).isEqualTo("abc");
    }

    @Test
    void readsAnUnsizedChunkedUploadToTheEndOfTheStream() throws Exception {
        List<String> vars = UwsgiClient.nginxVars("POST", "/echo", "/echo", "");
        vars.addAll(List.of("HTTP_TRANSFER_ENCODING", "chunked"));
        try (UwsgiClient client = new UwsgiClient(uwsgi.getPort())) {
            client.request(vars, "first ".getBytes(StandardCharsets.US_ASCII));
            client.send("and last".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            RawHttp.Response response = client.readResponse();
            assertThat(response.text()).isEqualTo("first and last");
            assertThat(response.head().header("x-environ-content-length")).isEqualTo("null");
        }
    }

    @Test
    void streamsEachChunkAsTheApplicationYieldsItAndEndsTheBodyByClosing() throws Exception {
        try (UwsgiClient client = new UwsgiClient(uwsgi.getPort())) {
            client.request(UwsgiClient.nginxVars("GET", "/stream", "/stream", ""), new byte[0]);
            RawHttp.Head head = client.http().readHead();
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(head.header("content-length")).isNull();
            assertThat(head.header("transfer-encoding")).isNull();
            // The application waits at the gate before its second chunk: the first must already be here.
            assertThat(client.http().readExactly(8)).asString(StandardCharsets.US_ASCII).isEqualTo("chunk 0\n");
            probes.open();
            assertThat(client.http().readBody(head)).asString(StandardCharsets.US_ASCII).isEqualTo("chunk 1\n");
        }
        assertBodyClosedOnce();
    }

    @Test
    void sendsAFileWrapperBodyAsAFileRegion() throws Exception {
        RawHttp.Response response = send(UwsgiClient.nginxVars("GET", "/file", "/file", ""), "");
        assertThat(response.head().header("content-length")).isEqualTo("100000");
        assertThat(response.text()).isEqualTo("0123456789".repeat(10_000));
        assertThat(probes.fileStreamReads).hasValue(0);
    }

    @Test
    void answers500WithoutDetailWhenTheApplicationFails() throws Exception {
        RawHttp.Response response = send(UwsgiClient.nginxVars("GET", "/fail", "/fail", ""), "");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).isEqualTo("500 Internal Server Error\n");
    }

    @Test
    void cutsTheConnectionWithAResetWhenTheApplicationFailsAfterItsFirstChunk() throws Exception {
        try (UwsgiClient client = new UwsgiClient(uwsgi.getPort())) {
            client.request(UwsgiClient.nginxVars("GET", "/fail-late", "/fail-late", ""), new byte[0]);
            RawHttp.Head head = client.http().readHead();
            assertThat(head.status()).isEqualTo(200);
            // A clean close would end a close-delimited body as if it were whole; a reset tells the proxy it is not.
            assertThatIOException().isThrownBy(() -> client.http().readBody(head))
                .withMessageContaining("reset");
        }
        // The body's close() may run after the client saw the reset: wait for it, lest it count in the next test.
        assertBodyClosedOnce();
    }

    @Test
    void refusesThePathPolicyAsOnHttp() throws Exception {
        RawHttp.Response response = send(UwsgiClient.nginxVars("GET", "/env/a;x=1", "/env/a;x=1", ""), "");
        assertThat(response.status()).isEqualTo(400);
        assertThat(probes.environ.get()).isNull();
    }

    @Test
    void answers503WhileEveryThreadIsBusy() throws Exception {
        try (UwsgiClient first = startStream(); UwsgiClient second = startStream()) {
            RawHttp.Response refused = send(UwsgiClient.nginxVars("GET", "/fixed", "/fixed", ""), "");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.head().header("retry-after")).isEqualTo("1");
            assertThat(refused.text()).isEqualTo("503 Service Unavailable\n");
            probes.open();
            assertThat(first.http().readAll()).asString(StandardCharsets.US_ASCII).isEqualTo("chunk 1\n");
            assertThat(second.http().readAll()).asString(StandardCharsets.US_ASCII).isEqualTo("chunk 1\n");
        }
        finally {
            // Never leave the two threads at the gate for the tests that follow.
            probes.open();
        }
        assertThat(uwsgi.listener().statistics().refused(UwsgiStatistics.Refusal.SATURATED)).isPositive();
    }

    static Stream<Arguments> badInput() {
        byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] large = { 0, (byte) 0xFF, (byte) 0xFF, 0 };
        byte[] lua = UwsgiClient.packet(7, List.of("REQUEST_METHOD", "GET"));
        byte[] runningPast = { 0, 4, 0, 0, 9, 0, 'A', 'B' };
        byte[] truncatedHeader = { 0, 4 };
        byte[] truncatedVars = { 0, 40, 0, 0, 4, 0, 'P' };
        return Stream.of(Arguments.of(UwsgiFault.NOT_UWSGI, http), Arguments.of(UwsgiFault.VARS_TOO_LARGE, large),
                Arguments.of(UwsgiFault.UNSUPPORTED_MODIFIER, lua), Arguments.of(UwsgiFault.MALFORMED_VARS, runningPast),
                Arguments.of(UwsgiFault.TRUNCATED_HEADER, truncatedHeader),
                Arguments.of(UwsgiFault.TRUNCATED_VARS, truncatedVars));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void closesTheConnectionOnBadInputWithALogLineAndKeepsServing(UwsgiFault fault, byte[] bytes,
            CapturedOutput output) throws Exception {
        long before = uwsgi.listener().statistics().faults(fault);
        try (UwsgiClient client = new UwsgiClient(uwsgi.getPort())) {
            client.send(bytes);
            client.shutdownOutput();
            assertThat(client.http().serverClosed()).isTrue();
        }
        assertThat(uwsgi.listener().statistics().faults(fault)).isEqualTo(before + 1);
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> assertThat(output).contains("Closed the uwsgi connection from", "(" + fault.tag() + ")"));
        assertThat(registry.get("gateway.uwsgi.faults").tag("fault", fault.tag()).functionCounter().count())
            .isEqualTo(before + 1);
        assertThat(send(UwsgiClient.nginxVars("GET", "/fixed", "/fixed", ""), "").text()).isEqualTo("hello\n");
    }

    @Test
    void logsABodyShorterThanItsContentLengthAndKeepsServing(CapturedOutput output) throws Exception {
        long before = uwsgi.listener().statistics().faults(UwsgiFault.TRUNCATED_BODY);
        try (UwsgiClient client = new UwsgiClient(uwsgi.getPort())) {
            client.request(UwsgiClient.nginxVars("POST", "/echo", "/echo", "10"), "abc".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            assertThat(client.readResponse().status()).isEqualTo(500);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> uwsgi.listener().statistics().faults(UwsgiFault.TRUNCATED_BODY) == before + 1);
        assertThat(output).contains("after 3 of the body's 10 bytes", "(truncated-body)");
        assertThat(send(UwsgiClient.nginxVars("GET", "/fixed", "/fixed", ""), "").text()).isEqualTo("hello\n");
    }

    @Test
    void describesTheListenerAtTheActuatorEndpoint() throws Exception {
        String json = okBodyOf("/actuator/gateway");
        assertThat(json).contains("\"listeners\":{\"uwsgi\":{\"address\":\"127.0.0.1\",\"port\":" + uwsgi.getPort())
            .contains("\"faults\":{\"truncated-header\":");
        assertThat(registry.get("gateway.uwsgi.connections").gauge()).isNotNull();
    }

    private UwsgiClient startStream() throws IOException {
        UwsgiClient client = new UwsgiClient(uwsgi.getPort());
        client.request(UwsgiClient.nginxVars("GET", "/stream", "/stream", ""), new byte[0]);
        // Its first chunk arrived: the application holds a thread until the gate opens.
        client.http().readHead();
        assertThat(client.http().readExactly(8)).asString(StandardCharsets.US_ASCII).isEqualTo("chunk 0\n");
        return client;
    }

    private RawHttp.Response send(List<String> vars, String body) throws IOException {
        try (UwsgiClient client = new UwsgiClient(uwsgi.getPort())) {
            return client.request(new ArrayList<>(vars), body.getBytes(StandardCharsets.ISO_8859_1)).readResponse();
        }
    }
}
