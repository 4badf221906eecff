package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gatewayinterface.Environ;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check how the forwarded headers of trusted proxies become the request's origin (docs/SPEC.md §16): whom they
 * are believed from, how the client hop is found from the right, and which values are refused.
 */
class RequestOriginTests {

    /** The proxy the tests trust, and a second one behind it. */
    private static final TrustedProxies TRUSTED = TrustedProxies.of(List.of("10.0.0.0/24", "fd00::/8"));

    private static final String PROXY = "10.0.0.5";

    static Stream<Arguments> clientAddresses() {
        return Stream.of(
                client("a single hop", "203.0.113.9", "X-Forwarded-For", "203.0.113.9"),
                client("the rightmost untrusted hop, past trusted ones", "203.0.113.9", "X-Forwarded-For",
                        "198.51.100.1, 203.0.113.9, 10.0.0.7"),
                client("what the client forged stays left of its own address", "203.0.113.9", "X-Forwarded-For",
                        "1.2.3.4, 203.0.113.9"),
                client("several header lines, in order", "203.0.113.9", "X-Forwarded-For", "1.2.3.4",
                        "X-Forwarded-For", "203.0.113.9"),
                client("the leftmost when every hop is trusted", "10.0.0.8", "X-Forwarded-For", "10.0.0.8, 10.0.0.7"),
                client("the proxy itself when it names no address", PROXY, "X-Forwarded-For", "unknown"),
                client("the last trusted hop when the next names no address", "10.0.0.7", "X-Forwarded-For",
                        "203.0.113.9, _hidden, 10.0.0.7"),
                client("an IPv6 hop, canonically", "2001:db8:0:0:0:0:0:1", "X-Forwarded-For", "2001:db8::1"),
                client("an address with a port", "203.0.113.9", "X-Forwarded-For", "203.0.113.9:4711"),
                client("an RFC 7239 element", "203.0.113.9", "Forwarded", "for=203.0.113.9;proto=https"),
                client("the rightmost untrusted RFC 7239 element", "2001:db8:0:0:0:0:0:1", "Forwarded",
                        "for=1.2.3.4, for=\"[2001:db8::1]:4711\", for=10.0.0.7"),
                client("both headers when they agree", "203.0.113.9", "Forwarded", "for=203.0.113.9",
                        "X-Forwarded-For", "203.0.113.9"),
                client("the peer when no header names a client", PROXY, "X-Forwarded-Proto", "https"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientAddresses")
    void findsTheClientFromTheRight(String description, String client, String[] headers) {
        assertThat(origin(headers).remoteAddress()).isEqualTo(client);
    }

    @Test
    void keepsTheClientsPortOnlyWhenAHopGivesIt() {
        assertThat(origin("Forwarded", "for=\"203.0.113.9:4711\"").remotePort()).isEqualTo(4711);
        assertThat(origin("X-Forwarded-For", "203.0.113.9").remotePort()).isEqualTo(-1);
        assertThat(origin("X-Forwarded-Proto", "https").remotePort()).isEqualTo(40000);
    }

    @Test
    void believesNothingFromAPeerItDoesNotTrust() {
        FakeExchange exchange = new FakeExchange().remote("203.0.113.50", 40000).server("gw.internal", 8080)
            .header("X-Forwarded-For", "1.2.3.4").header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "forged.example").header("X-Forwarded-Prefix", "/forged")
            .header("Forwarded", "for=1.2.3.4;proto=https;host=forged.example");
        assertThat(RequestOrigin.of(exchange, TRUSTED))
            .isEqualTo(new RequestOrigin("203.0.113.50", 40000, "http", "gw.internal", 8080, null, ""));
    }

    @Test
    void believesNobodyByDefault() {
        FakeExchange exchange = new FakeExchange().remote(PROXY, 40000).header("X-Forwarded-For", "1.2.3.4");
        assertThat(RequestOrigin.of(exchange, TrustedProxies.NONE).remoteAddress()).isEqualTo(PROXY);
    }

    @Test
    void ignoresEvenMalformedHeadersFromAPeerItDoesNotTrust() {
        FakeExchange exchange = new FakeExchange().remote("203.0.113.50", 40000).header("Forwarded", "for=\"oops")
            .header("X-Forwarded-Proto", "gopher").header("X-Forwarded-Port", "99999");
        assertThat(RequestOrigin.of(exchange, TRUSTED).scheme()).isEqualTo("http");
    }

    @Test
    void takesTheSchemeHostAndPortTheProxyReceived() {
        RequestOrigin origin = origin("X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example",
                "X-Forwarded-Port", "8443");
        assertThat(origin.scheme()).isEqualTo("https");
        assertThat(origin.serverName()).isEqualTo("shop.example");
        assertThat(origin.serverPort()).isEqualTo(8443);
        assertThat(origin.host()).isEqualTo("shop.example");
    }

    @Test
    void givesTheForwardedSchemesDefaultPortWhenNothingNamesOne() {
        assertThat(origin("X-Forwarded-Proto", "https").serverPort()).isEqualTo(443);
        assertThat(origin("X-Forwarded-Proto", "HTTPS", "X-Forwarded-Host", "shop.example").serverPort()).isEqualTo(443);
        assertThat(origin("X-Forwarded-Host", "shop.example:8443").serverPort()).isEqualTo(8443);
        assertThat(origin("X-Forwarded-Host", "[2001:db8::1]:8443").serverName()).isEqualTo("[2001:db8::1]");
    }

    @Test
    void keepsThePortOfTheClientsHostHeaderWhenTheProxyPassedItOn() {
        FakeExchange exchange = trustedExchange().header("Host", "shop.example:8081").header("X-Forwarded-Proto", "http");
        assertThat(RequestOrigin.of(exchange, TRUSTED).serverPort()).isEqualTo(8081);
    }

    @Test
    void keepsTheConnectionsViewOfWhatNoHeaderForwards() {
        RequestOrigin origin = origin("X-Forwarded-For", "203.0.113.9");
        assertThat(origin.scheme()).isEqualTo("http");
        assertThat(origin.serverName()).isEqualTo("gw.internal");
        assertThat(origin.serverPort()).isEqualTo(8080);
        assertThat(origin.host()).isNull();
        assertThat(origin.rawPrefix()).isEmpty();
    }

    @Test
    void takesProtoAndHostFromTheElementAboutTheClient() {
        RequestOrigin origin = origin("Forwarded",
                "for=1.2.3.4;proto=http;host=forged.example, for=203.0.113.9;proto=https;host=shop.example, "
                        + "for=10.0.0.7;proto=http;host=lb.internal");
        assertThat(origin.remoteAddress()).isEqualTo("203.0.113.9");
        assertThat(origin.scheme()).isEqualTo("https");
        assertThat(origin.serverName()).isEqualTo("shop.example");
    }

    @Test
    void takesAPrefixWithoutItsTrailingSlash() {
        assertThat(origin("X-Forwarded-Prefix", "/wsgi/").rawPrefix()).isEqualTo("/wsgi");
        assertThat(origin("X-Forwarded-Prefix", "/").rawPrefix()).isEmpty();
        assertThat(origin("X-Forwarded-Prefix", "/caf%C3%A9/app").rawPrefix()).isEqualTo("/caf%C3%A9/app");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refused("two different X-Forwarded-Proto values", "X-Forwarded-Proto gives both \"https\" and \"http\"",
                        "X-Forwarded-Proto", "https, http"),
                refused("two X-Forwarded-Host lines that differ", "X-Forwarded-Host gives both",
                        "X-Forwarded-Host", "a.example", "X-Forwarded-Host", "b.example"),
                refused("two different prefixes", "X-Forwarded-Prefix gives both",
                        "X-Forwarded-Prefix", "/a", "X-Forwarded-Prefix", "/b"),
                refused("headers that name different clients",
                        "X-Forwarded-For names the client 203.0.113.9 but Forwarded names 198.51.100.1",
                        "X-Forwarded-For", "203.0.113.9", "Forwarded", "for=198.51.100.1"),
                refused("headers that give different schemes", "X-Forwarded-Proto gives \"http\" but Forwarded proto "
                        + "gives \"https\"", "X-Forwarded-Proto", "http", "Forwarded", "for=203.0.113.9;proto=https"),
                refused("a scheme that is not http or https", "\"gopher\" is neither http nor https",
                        "X-Forwarded-Proto", "gopher"),
                refused("a port out of range", "X-Forwarded-Port \"70000\" is not a port", "X-Forwarded-Port", "70000"),
                refused("a port that is no number", "X-Forwarded-Port \"http\" is not a port", "X-Forwarded-Port", "http"),
                refused("a host with userinfo", "\"user@shop.example\" is not a host", "X-Forwarded-Host",
                        "user@shop.example"),
                refused("a host with a space", "\"shop example\" is not a host", "X-Forwarded-Host", "shop example"),
                refused("a prefix without a leading slash", "X-Forwarded-Prefix \"wsgi\" is not a path",
                        "X-Forwarded-Prefix", "wsgi"),
                refused("a prefix with a dot segment", "X-Forwarded-Prefix \"/a/../admin\" is not a path",
                        "X-Forwarded-Prefix", "/a/../admin"),
                refused("a prefix with a query", "X-Forwarded-Prefix \"/a?b\" is not a path", "X-Forwarded-Prefix",
                        "/a?b"),
                refused("an unclosed quoted Forwarded value", "a quoted value is not closed", "Forwarded",
                        "for=\"[2001:db8::1]"),
                refused("a Forwarded pair without a value", "the parameter for has no value", "Forwarded", "for="),
                refused("a Forwarded parameter given twice", "an element gives for twice", "Forwarded",
                        "for=1.2.3.4;for=5.6.7.8"),
                refused("a Forwarded pair that is no pair", "a parameter is not token=value", "Forwarded", "for"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWhatATrustedProxyCannotHaveMeant(String description, String message, String[] headers) {
        assertThatIllegalArgumentException().isThrownBy(() -> origin(headers)).withMessageContaining(message)
            .withMessageContaining("SPEC §16");
    }

    @Test
    void acceptsTheSameValueRepeatedAndIgnoresEmptyListElements() {
        assertThat(origin("X-Forwarded-Proto", "https, HTTPS", "X-Forwarded-Proto", "https,").scheme())
            .isEqualTo("https");
        assertThat(origin("Forwarded", "for=203.0.113.9;;proto=https,,").scheme()).isEqualTo("https");
    }

    @Test
    void answersAConflictWith400BeforeTheApplicationIsCalled() {
        AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
        FakeExchange exchange = trustedExchange().header("X-Forwarded-Proto", "https, http");
        gateway(seen).handle(exchange);
        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.bodyText()).startsWith("400 Bad Request: X-Forwarded-Proto gives both");
        assertThat(seen.get()).isNull();
    }

    @Test
    void givesTheApplicationTheClientsRequest() {
        AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
        FakeExchange exchange = trustedExchange().rawScriptName("/echo").rawPathInfo("/x").rawQuery("q=1")
            .header("Host", "gw.internal:8080").header("X-Forwarded-For", "203.0.113.9")
            .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "shop.example")
            .header("X-Forwarded-Prefix", "/wsgi");
        gateway(seen).handle(exchange);
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(seen.get()).containsEntry(Environ.REMOTE_ADDR, "203.0.113.9")
            .containsEntry(Environ.WSGI_URL_SCHEME, "https")
            .containsEntry(Environ.HTTPS, "on")
            .containsEntry(Environ.SERVER_NAME, "shop.example")
            .containsEntry(Environ.SERVER_PORT, "443")
            .containsEntry("HTTP_HOST", "shop.example")
            .containsEntry(Environ.SCRIPT_NAME, "/wsgi/echo")
            .containsEntry(Environ.PATH_INFO, "/x")
            .containsEntry(Environ.REQUEST_URI, "/wsgi/echo/x?q=1")
            .containsEntry("HTTP_X_FORWARDED_FOR", "203.0.113.9")
            .doesNotContainKey(Environ.REMOTE_PORT);
    }

    @Test
    void takesAwayHttpsWhenTheClientUsedPlainHttp() {
        AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
        gateway(seen).handle(trustedExchange().scheme("https").header("X-Forwarded-Proto", "http"));
        assertThat(seen.get()).containsEntry(Environ.WSGI_URL_SCHEME, "http").doesNotContainKey(Environ.HTTPS);
    }

    private static Gateway gateway(AtomicReference<Map<String, Object>> seen) {
        return new Gateway((environ, startResponse) -> {
            seen.set(new HashMap<>(environ));
            startResponse.start("200 OK", List.of());
            return List.of();
        }, GatewayOptions.defaults("proxied").withTrustedProxies(TRUSTED));
    }

    private static FakeExchange trustedExchange() {
        return new FakeExchange().remote(PROXY, 40000).server("gw.internal", 8080);
    }

    private static RequestOrigin origin(String... headers) {
        FakeExchange exchange = trustedExchange();
        for (int i = 0; i < headers.length; i += 2) {
            exchange.header(headers[i], headers[i + 1]);
        }
        return RequestOrigin.of(exchange, TRUSTED);
    }

    private static Arguments client(String description, String client, String... headers) {
        return Arguments.of(description, client, headers);
    }

    private static Arguments refused(String description, String message, String... headers) {
        return Arguments.of(description, message, headers);
    }
}
