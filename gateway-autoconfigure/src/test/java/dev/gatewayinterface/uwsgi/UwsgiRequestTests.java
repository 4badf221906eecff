package dev.gatewayinterface.uwsgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Check how the vars nginx's uwsgi_params and uWSGI's HTTP router send become a request: the path below the proxy's
 * SCRIPT_NAME, the headers, the facts about the client, and the body's framing.
 */
class UwsgiRequestTests {

    private static final InetSocketAddress LISTENER = new InetSocketAddress("127.0.0.1", 3031);

    @ParameterizedTest(name = "SCRIPT_NAME \"{0}\", PATH_INFO \"{1}\" -> prefix \"{2}\", path \"{3}\"")
    @CsvSource({
        "'',      /a/b,        '',      /a/b",
        "/app,    /app/x,      /app,    /x",
        "/app/,   /app/x,      /app,    /x",
        "/app,    /app,        /app,    ''",
        "/app,    /application, /app,   /application",
        "/app,    /x,          /app,    /x",
        "/,       /x,          '',      /x",
        "'',      /caf\u00c3\u00a9/%,  '', /caf%C3%A9/%25",
        "'',      /a b?c,      '',      /a%20b%3Fc",
    })
    void findsThePathBelowTheProxysScriptName(String scriptName, String pathInfo, String prefix, String path)
            throws Exception {
        UwsgiRequest request = request("REQUEST_METHOD", "GET", "SCRIPT_NAME", scriptName, "PATH_INFO", pathInfo);
        assertThat(request.rawPrefix()).isEqualTo(prefix);
        assertThat(request.rawPath()).isEqualTo(path);
    }

    @Test
    void takesThePathFromRequestUriWhenThereIsNoPathInfo() throws Exception {
        UwsgiRequest request = request("REQUEST_METHOD", "GET", "REQUEST_URI", "/a%2Fb?x=1");
        assertThat(request.rawPath()).isEqualTo("/a%2Fb");
        assertThat(request.rawQuery()).isEqualTo("x=1");
    }

    @Test
    void refusesAPacketWithoutMethodOrPath() {
        assertThatExceptionOfType(UwsgiProtocolException.class).isThrownBy(() -> request("PATH_INFO", "/"))
            .satisfies(ex -> assertThat(ex.fault()).isEqualTo(UwsgiFault.MISSING_VAR))
            .withMessageContaining("REQUEST_METHOD");
        assertThatExceptionOfType(UwsgiProtocolException.class).isThrownBy(() -> request("REQUEST_METHOD", "GET"))
            .satisfies(ex -> assertThat(ex.fault()).isEqualTo(UwsgiFault.MISSING_VAR))
            .withMessageContaining("neither a PATH_INFO nor a REQUEST_URI");
    }

    @ParameterizedTest(name = "CONTENT_LENGTH {0}, Transfer-Encoding {1} -> {2}, {3}")
    @CsvSource(value = {
        "12,   NONE,    SIZED,            12",
        "0,    NONE,    SIZED,            0",
        "12,   chunked, SIZED,            12",
        "'',   NONE,    EMPTY,            -1",
        "NONE, NONE,    EMPTY,            -1",
        "NONE, chunked, TO_END_OF_STREAM, -1",
        "'',   Chunked, TO_END_OF_STREAM, -1",
    }, nullValues = "NONE")
    void framesTheBodyAsNginxAndUwsgisRouterSendIt(String length, String coding, UwsgiRequest.Framing framing,
            long contentLength) throws Exception {
        List<String> vars = new ArrayList<>(List.of("REQUEST_METHOD", "POST", "PATH_INFO", "/"));
        if (length != null) {
            vars.addAll(List.of("CONTENT_LENGTH", length));
        }
        if (coding != null) {
            vars.addAll(List.of("HTTP_TRANSFER_ENCODING", coding));
        }
        UwsgiRequest request = request(vars.toArray(String[]::new));
        assertThat(request.framing()).isEqualTo(framing);
        assertThat(request.contentLength()).isEqualTo(contentLength);
    }

    @ParameterizedTest
    @CsvSource({ "abc", "-1", "1 2", "0x10", "1234567890123456789" })
    void refusesAContentLengthThatIsNoDecimalNumber(String length) {
        assertThatExceptionOfType(UwsgiProtocolException.class)
            .isThrownBy(() -> request("REQUEST_METHOD", "POST", "PATH_INFO", "/", "CONTENT_LENGTH", length))
            .satisfies(ex -> assertThat(ex.fault()).isEqualTo(UwsgiFault.BAD_CONTENT_LENGTH))
            .withMessageContaining("CONTENT_LENGTH \"" + length + "\"");
    }

    @Test
    void passesHeadersOnWithTheBodysTypeAndLengthOnce() throws Exception {
        UwsgiRequest request = request("REQUEST_METHOD", "POST", "PATH_INFO", "/", "CONTENT_TYPE", "text/plain",
                "CONTENT_LENGTH", "3", "HTTP_CONTENT_TYPE", "text/plain", "HTTP_CONTENT_LENGTH", "3",
                "HTTP_X_FORWARDED_FOR", "192.0.2.1", "HTTP_X_DASH", "1", "HTTP_X_DASH", "2", "DOCUMENT_ROOT", "/srv");
        List<String> headers = new ArrayList<>();
        request.forEachHeader((name, value) -> headers.add(name + ": " + value));
        assertThat(headers).containsExactly("Content-Type: text/plain", "Content-Length: 3",
                "X-Forwarded-For: 192.0.2.1", "X-Dash: 1", "X-Dash: 2");
        Map<String, String> others = new LinkedHashMap<>();
        request.forEachOtherVar(others::put);
        assertThat(others).containsExactly(Map.entry("DOCUMENT_ROOT", "/srv"));
    }

    @Test
    void statesTheClientAsNginxDescribesIt() throws Exception {
        ClientFacts facts = request("REQUEST_METHOD", "GET", "PATH_INFO", "/", "REMOTE_ADDR", "192.0.2.7",
                "REMOTE_PORT", "51000", "SERVER_NAME", "example.org", "SERVER_PORT", "443", "HTTPS", "on",
                "REQUEST_SCHEME", "https").stated(LISTENER);
        assertThat(facts).isEqualTo(new ClientFacts("192.0.2.7", 51000, "https", "example.org", 443));
    }

    @Test
    void fallsBackOnTheHostHeaderWhenNginxSendsAnEmptyServerName() throws Exception {
        ClientFacts facts = request("REQUEST_METHOD", "GET", "PATH_INFO", "/", "SERVER_NAME", "", "HTTP_HOST",
                "example.org:8080").stated(LISTENER);
        assertThat(facts).isEqualTo(new ClientFacts(null, -1, "http", "example.org", 8080));
    }

    @Test
    void statesTheConnectionAndTheHostHeaderAloneForAPeerThatIsNotBelieved() throws Exception {
        ClientFacts facts = request("REQUEST_METHOD", "GET", "PATH_INFO", "/", "REMOTE_ADDR", "192.0.2.7",
                "SERVER_NAME", "example.org", "SERVER_PORT", "443", "HTTPS", "on", "REMOTE_USER", "alice",
                "HTTP_HOST", "shop.example").connection(new InetSocketAddress("10.1.2.3", 40000), LISTENER);
        assertThat(facts).isEqualTo(new ClientFacts("10.1.2.3", 40000, "http", "shop.example", 80));
    }

    @Test
    void fallsBackOnTheListenersOwnAddressWithoutAnyHost() throws Exception {
        ClientFacts facts = request("REQUEST_METHOD", "GET", "PATH_INFO", "/").stated(LISTENER);
        assertThat(facts).isEqualTo(new ClientFacts(null, -1, "http", "127.0.0.1", 3031));
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({ "HTTPS, on, https", "HTTPS, off, http", "UWSGI_SCHEME, https, https", "REQUEST_SCHEME, https, https",
        "HTTPS, '', http" })
    void takesTheSchemeFromTheVarsUwsgiReads(String name, String value, String scheme) throws Exception {
        assertThat(request("REQUEST_METHOD", "GET", "PATH_INFO", "/", name, value).stated(LISTENER).scheme())
            .isEqualTo(scheme);
    }

    private static UwsgiRequest request(String... pairs) throws UwsgiProtocolException {
        return UwsgiRequest.of(UwsgiCodec.vars(UwsgiCodecTests.block(pairs)));
    }
}
