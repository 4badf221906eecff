package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check the environ of docs/SPEC.md §2–§3 key by key: types, the raw query, the decoded paths, request
 * headers as {@code HTTP_} keys, and what deployers may add.
 */
class EnvironBuilderTests {

    static Stream<Arguments> requiredKeys() {
        return Stream.of(
                Arguments.of(Environ.REQUEST_METHOD, String.class),
                Arguments.of(Environ.SCRIPT_NAME, String.class),
                Arguments.of(Environ.PATH_INFO, String.class),
                Arguments.of(Environ.QUERY_STRING, String.class),
                Arguments.of(Environ.SERVER_NAME, String.class),
                Arguments.of(Environ.SERVER_PORT, String.class),
                Arguments.of(Environ.SERVER_PROTOCOL, String.class),
                Arguments.of(Environ.WSGI_VERSION, List.class),
                Arguments.of(Environ.WSGI_URL_SCHEME, String.class),
                Arguments.of(Environ.WSGI_INPUT, Input.class),
                Arguments.of(Environ.WSGI_ERRORS, Errors.class),
                Arguments.of(Environ.WSGI_MULTITHREAD, Boolean.class),
                Arguments.of(Environ.WSGI_MULTIPROCESS, Boolean.class),
                Arguments.of(Environ.WSGI_RUN_ONCE, Boolean.class),
                Arguments.of(Environ.WSGI_INPUT_TERMINATED, Boolean.class),
                Arguments.of(Environ.WSGI_FILE_WRAPPER, FileWrapper.class));
    }

    @ParameterizedTest(name = "{0} is a {1}")
    @MethodSource("requiredKeys")
    void providesEveryRequiredKeyWithItsJavaType(String key, Class<?> type) {
        assertThat(build(new FakeExchange())).extractingByKey(key).isInstanceOf(type);
    }

    @Test
    void describesTheServerAndTheContract() {
        Map<String, Object> environ = build(new FakeExchange().method("PUT").protocol("HTTP/1.0").server("example.org", 8443)
                .remote("192.0.2.7", 40000));
        assertThat(environ).contains(entry(Environ.REQUEST_METHOD, "PUT"), entry(Environ.SERVER_PROTOCOL, "HTTP/1.0"),
                entry(Environ.SERVER_NAME, "example.org"), entry(Environ.SERVER_PORT, "8443"),
                entry(Environ.REMOTE_ADDR, "192.0.2.7"), entry(Environ.REMOTE_PORT, "40000"),
                entry(Environ.WSGI_VERSION, List.of(1, 0)), entry(Environ.WSGI_MULTITHREAD, true),
                entry(Environ.WSGI_MULTIPROCESS, false), entry(Environ.WSGI_RUN_ONCE, false),
                entry(Environ.WSGI_INPUT_TERMINATED, true), entry(Environ.WSGI_FILE_WRAPPER, FileBody.WRAPPER));
    }

    @Test
    void takesRequestUriFromTheBindingWhenAProxyStatedIt() {
        Map<String, Object> environ = build(new FakeExchange().rawPathInfo("/a/b").rawQuery("x=1")
            .requestUri("/a%2Fb/c/%2e%2e?x=1"));
        assertThat(environ).contains(entry(Environ.REQUEST_URI, "/a%2Fb/c/%2e%2e?x=1"),
                entry(Environ.RAW_URI, "/a%2Fb/c/%2e%2e?x=1"), entry(Environ.PATH_INFO, "/a/b"));
    }

    @Test
    void leavesOutWhatTheServerDoesNotKnowAboutTheClient() {
        Map<String, Object> environ = build(new FakeExchange().remote(null, -1));
        assertThat(environ).doesNotContainKeys(Environ.REMOTE_ADDR, Environ.REMOTE_PORT, Environ.REMOTE_USER,
                Environ.AUTH_TYPE);
    }

    @Test
    void passesOnTheAuthenticatedUser() {
        Map<String, Object> environ = build(new FakeExchange().authenticated("alice", "Basic"));
        assertThat(environ).contains(entry(Environ.REMOTE_USER, "alice"), entry(Environ.AUTH_TYPE, "Basic"));
    }

    @ParameterizedTest(name = "{0} -> HTTPS={1}")
    @CsvSource(value = { "http, NONE", "https, on" }, nullValues = "NONE")
    void setsHttpsOnlyForHttps(String scheme, String https) {
        Map<String, Object> environ = build(new FakeExchange().scheme(scheme));
        assertThat(environ.get(Environ.HTTPS)).isEqualTo(https);
        assertThat(environ).containsEntry(Environ.WSGI_URL_SCHEME, scheme);
    }

    @ParameterizedTest(name = "query {0} -> \"{1}\"")
    @CsvSource(value = { "NONE, ''", "'', ''", "a=1&b=2, a=1&b=2", "q=caf%C3%A9&x=a+b%26c, q=caf%C3%A9&x=a+b%26c" },
            nullValues = "NONE")
    void givesTheRawQueryAndEmptyWhenThereIsNone(String rawQuery, String queryString) {
        assertThat(build(new FakeExchange().rawQuery(rawQuery))).containsEntry(Environ.QUERY_STRING, queryString);
    }

    @ParameterizedTest(name = "{0} + {1} + ?{2} -> {3}")
    @CsvSource(value = {
        "'', /, NONE, /",
        "'', /, '', /?",
        "/app, /a%2Fb, x=%20, /app/a%2Fb?x=%20",
        "/app, '', NONE, /app",
    }, nullValues = "NONE")
    void givesTheRawRequestTargetAsRequestUriAndRawUri(String script, String path, String query, String uri) {
        Map<String, Object> environ = build(new FakeExchange().rawScriptName(script).rawPathInfo(path).rawQuery(query));
        assertThat(environ).containsEntry(Environ.REQUEST_URI, uri).containsEntry(Environ.RAW_URI, uri);
    }

    @ParameterizedTest(name = "{0} + {1} -> \"{2}\" + \"{3}\"")
    @CsvSource({
        "'',          /caf%C3%A9,     '',        /caf\u00c3\u00a9",
        "/app,        /files/a%2Fb,   /app,      /files/a/b",
        "'',          /%41,           '',        /A",
        "'',          /100%,          '',        /100%",
        "'',          /%zz,           '',        /%zz",
        "'',          /%4,            '',        /%4",
        "'',          /%%41,          '',        /%A",
        "/app,        '',             /app,      ''",
        "'',          /,              '',        /",
        "'',          '',             '',        ''",
        "/my%20app,   /x,             /my app,   /x",
        "/shop,       /a+b/,          /shop,     /a+b/",
        "'',          /caf\u00e9,     '',        /caf\u00e9",
        "'',          /\u20ac,        '',        /\u00e2\u0082\u00ac",
    })
    void decodesPathsToOneCharPerByte(String rawScript, String rawPath, String scriptName, String pathInfo) {
        Map<String, Object> environ = build(new FakeExchange().rawScriptName(rawScript).rawPathInfo(rawPath));
        assertThat(environ).containsEntry(Environ.SCRIPT_NAME, scriptName).containsEntry(Environ.PATH_INFO, pathInfo);
    }

    @ParameterizedTest(name = "declared length {0}")
    @CsvSource(value = { "-1, NONE", "0, 0", "5, 5", "10000000000, 10000000000" }, nullValues = "NONE")
    void givesContentLengthOnlyWhenItIsKnown(long contentLength, String expected) {
        Map<String, Object> environ = build(new FakeExchange().contentLength(contentLength));
        assertThat(environ.get(Environ.CONTENT_LENGTH)).isEqualTo(expected);
    }

    @Test
    void givesContentTypeOnlyWhenTheRequestHasOne() {
        assertThat(build(new FakeExchange())).doesNotContainKey(Environ.CONTENT_TYPE);
        assertThat(build(new FakeExchange().header("content-type", "text/plain; charset=utf-8")))
                .containsEntry(Environ.CONTENT_TYPE, "text/plain; charset=utf-8");
    }

    @Test
    void neverGivesContentTypeOrLengthAsHttpKeys() {
        Map<String, Object> environ = build(new FakeExchange().body("hello").header("Content-Type", "text/plain")
                .header("Content-Length", "5"));
        assertThat(environ).doesNotContainKeys("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH")
                .containsEntry(Environ.CONTENT_LENGTH, "5");
    }

    @Test
    void neverGivesContentTypeOrLengthAsHttpKeysEvenWhenUnderscoreHeadersAreKept() {
        Map<String, Object> environ = build(keep(), new FakeExchange().header("Content_Type", "text/evil")
                .header("Content_Length", "9999"));
        assertThat(environ).doesNotContainKeys("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH", Environ.CONTENT_TYPE)
                .containsEntry(Environ.CONTENT_LENGTH, "0");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "X-Forwarded-For,   HTTP_X_FORWARDED_FOR",
        "accept-language,   HTTP_ACCEPT_LANGUAGE",
        "Host,              HTTP_HOST",
        "DNT,               HTTP_DNT",
        "X-Custom.Name,     HTTP_X_CUSTOM.NAME",
    })
    void turnsHeaderNamesIntoHttpKeys(String name, String key) {
        assertThat(build(new FakeExchange().header(name, "value"))).containsEntry(key, "value");
    }

    @Test
    void joinsRepeatedHeadersWithCommas() {
        Map<String, Object> environ = build(new FakeExchange().header("Accept", "text/html").header("X-Other", "x")
                .header("accept", "application/json").header("ACCEPT", "*/*"));
        assertThat(environ).containsEntry("HTTP_ACCEPT", "text/html,application/json,*/*")
                .containsEntry("HTTP_X_OTHER", "x");
    }

    @Test
    void joinsRepeatedCookieHeadersWithSemicolons() {
        Map<String, Object> environ = build(new FakeExchange().header("Cookie", "a=1").header("Cookie", "b=2"));
        assertThat(environ).containsEntry("HTTP_COOKIE", "a=1; b=2");
    }

    @Test
    void mapsHeaderValuesToNativeStrings() {
        Map<String, Object> environ = build(new FakeExchange().header("X-Latin", "caf\u00e9").header("X-Euro", "\u20ac"));
        assertThat(environ).containsEntry("HTTP_X_LATIN", "caf\u00e9").containsEntry("HTTP_X_EURO", "\u00e2\u0082\u00ac");
    }

    @Test
    void dropsHeadersWithUnderscoresByDefault() {
        Map<String, Object> environ = build(new FakeExchange().header("X-Forwarded-For", "10.0.0.1")
                .header("X_Forwarded_For", "forged"));
        assertThat(environ).containsEntry("HTTP_X_FORWARDED_FOR", "10.0.0.1");
    }

    @Test
    void keepsHeadersWithUnderscoresWhenTheDeployerSaysSo() {
        Map<String, Object> environ = build(keep(), new FakeExchange().header("X-Forwarded-For", "10.0.0.1")
                .header("X_Forwarded_For", "forged").header("My_Header", "kept"));
        assertThat(environ).containsEntry("HTTP_X_FORWARDED_FOR", "10.0.0.1,forged").containsEntry("HTTP_MY_HEADER", "kept");
    }

    @Test
    void addsTheDeployersPairsWithoutLettingThemOverrideTheRequest() {
        GatewayOptions options = new GatewayOptions("test-app", UnderscoreHeaders.DROP, Map.of("deploy.stage", "prod",
                Environ.SERVER_NAME, "spoofed", "HTTP_X_TENANT", "default", "HTTP_X_SENT", "default",
                Environ.WSGI_URL_SCHEME, "gopher", "gateway.native", "spoofed"));
        Map<String, Object> environ = build(options, new FakeExchange().header("X-Sent", "request")
                .extension("gateway.native", "server's"));
        assertThat(environ).contains(entry("deploy.stage", "prod"), entry(Environ.SERVER_NAME, "localhost"),
                entry("HTTP_X_TENANT", "default"), entry("HTTP_X_SENT", "request"),
                entry(Environ.WSGI_URL_SCHEME, "http"), entry("gateway.native", "server's"));
    }

    @Test
    void givesEachRequestAFreshMutableEnviron() {
        List<Map<String, Object>> environs = new ArrayList<>();
        Gateway gateway = new Gateway((environ, start) -> {
            environs.add(environ);
            if (environs.size() == 1) {
                environ.put("app.note", "set by the first request");
                environ.remove(Environ.PATH_INFO);
            }
            start.start("200 OK", List.of(new Header("X-Seen", String.valueOf(environs.size()))));
            return List.of();
        }, GatewayOptions.defaults("test-app"));
        FakeExchange first = new FakeExchange();
        FakeExchange second = new FakeExchange();
        gateway.handle(first);
        gateway.handle(second);
        assertThat(first.status()).as("the application could change its environ").isEqualTo(200);
        assertThat(environs).hasSize(2);
        assertThat(environs.get(1)).isNotSameAs(environs.get(0)).doesNotContainKey("app.note")
                .containsEntry(Environ.PATH_INFO, "/");
        assertThat(environs.get(1).get(Environ.WSGI_INPUT)).isNotSameAs(environs.get(0).get(Environ.WSGI_INPUT));
        assertThat(environs.get(1).get(Environ.WSGI_ERRORS)).isNotSameAs(environs.get(0).get(Environ.WSGI_ERRORS));
    }

    private static GatewayOptions keep() {
        return new GatewayOptions("test-app", UnderscoreHeaders.KEEP, Map.of());
    }

    private static Map<String, Object> build(FakeExchange exchange) {
        return build(GatewayOptions.defaults("test-app"), exchange);
    }

    private static Map<String, Object> build(GatewayOptions options, FakeExchange exchange) {
        RequestInput input = new RequestInput(exchange::body, exchange.contentLength());
        return new EnvironBuilder(options).build(exchange, input, new LoggingErrors(options.name()), new RequestEnd());
    }
}
