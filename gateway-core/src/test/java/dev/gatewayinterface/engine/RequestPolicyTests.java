package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Header;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check the request-acceptance policy, case by case: what it refuses, with which status and rule, before the
 * application is called, and that it lets ordinary requests through (docs/SPEC.md §14).
 */
class RequestPolicyTests {

    @RegisterExtension
    final GatewayHarness harness = new GatewayHarness();

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("HTTP/2.1", 505, "RFC 9112 §2.3", exchange -> exchange.protocol("HTTP/2.1")),
                refused("HTTP/0.9", 505, "RFC 9112 §2.3", exchange -> exchange.protocol("HTTP/0.9")),
                refused("a method that is no token", 400, "RFC 9110 §9.1", exchange -> exchange.method("GE T")),
                refused("CONNECT", 501, "RFC 9110 §9.3.6", exchange -> exchange.method("CONNECT")),
                refused("an asterisk target", 400, "RFC 9112 §3.2", exchange -> exchange.rawPathInfo("*")),
                refused("a target with ']'", 400, "RFC 3986", exchange -> exchange.rawPathInfo("/s:]ufd/:")),
                refused("a target with a raw space", 400, "RFC 3986", exchange -> exchange.rawPathInfo("/a b")),
                refused("a raw non-ASCII target", 400, "RFC 3986", exchange -> exchange.rawPathInfo("/caf\u00e9")),
                refused("a query with a raw quote", 400, "RFC 3986", exchange -> exchange.rawQuery("a=\"b\"")),
                refused("a '%' starting no escape in the path", 400, "%XX", exchange -> exchange.rawPathInfo("/a%zz")),
                refused("a '%' ending the query", 400, "%XX", exchange -> exchange.rawQuery("q=%")),
                refused("no Host on HTTP/1.1", 400, "RFC 9112 §3.2",
                        exchange -> exchange.withoutHost().rawTarget("/")),
                refused("an asterisk raw target", 400, "RFC 9112 §3.2", exchange -> exchange.rawTarget("*")),
                refused("a raw target with an authority holding userinfo", 400, "RFC 9112 §3.2.2",
                        exchange -> exchange.rawTarget("http://user@localhost/")),
                refused("two Host headers", 400, "RFC 9112 §3.2",
                        exchange -> exchange.header("Host", "a").header("Host", "a")),
                refused("an empty Host", 400, "RFC 9110 §7.2", exchange -> exchange.header("Host", "")),
                refused("a Host with userinfo", 400, "RFC 9110 §7.2", exchange -> exchange.header("Host", "user@host")),
                refused("a Host with a bad port", 400, "RFC 9110 §7.2", exchange -> exchange.header("Host", "host:80a")),
                refused("a Host with a space", 400, "RFC 9110 §7.2", exchange -> exchange.header("Host", "a b")),
                refused("Transfer-Encoding xchunked", 501, "RFC 9112 §6.1",
                        exchange -> exchange.header("Transfer-Encoding", "xchunked")),
                refused("Transfer-Encoding identity", 501, "RFC 9112 §6.1",
                        exchange -> exchange.header("Transfer-Encoding", "identity")),
                refused("an empty Transfer-Encoding", 400, "RFC 9112 §6.1",
                        exchange -> exchange.header("Transfer-Encoding", "")),
                refused("chunked then gzip", 400, "RFC 9112 §6.1",
                        exchange -> exchange.header("Transfer-Encoding", "chunked, gzip")),
                refused("a quoted chunked", 400, "RFC 9112 §6.1",
                        exchange -> exchange.header("Transfer-Encoding", "\"chunked\"")),
                refused("gzip then chunked", 501, "RFC 9112 §6.1",
                        exchange -> exchange.header("Transfer-Encoding", "gzip, chunked")),
                refused("Transfer-Encoding twice", 400, "RFC 9112 §6.1",
                        exchange -> exchange.header("Transfer-Encoding", "chunked").header("Transfer-Encoding", "chunked")),
                refused("Transfer-Encoding on HTTP/1.0", 400, "RFC 9112 §6.1",
                        exchange -> exchange.protocol("HTTP/1.0").header("Transfer-Encoding", "chunked")),
                refused("two Content-Lengths", 400, "RFC 9112 §6.3",
                        exchange -> exchange.header("Content-Length", "3").header("Content-Length", "3")),
                refused("a Content-Length list", 400, "RFC 9110 §8.6", exchange -> exchange.header("Content-Length", "3, 3")),
                refused("a signed Content-Length", 400, "RFC 9110 §8.6", exchange -> exchange.header("Content-Length", "+3")),
                refused("a header name that is no token", 400, "RFC 9110 §5.1", exchange -> exchange.header("Bad Name", "x")),
                refused("a NUL in a header value", 400, "RFC 9110 §5.5", exchange -> exchange.header("X-Nul", "a\u0000b")),
                refused("a dot-dot segment", 400, "gateway.paths.strict", exchange -> exchange.rawPathInfo("/x/../hello")),
                refused("an encoded dot-dot segment", 400, "gateway.paths.strict",
                        exchange -> exchange.rawPathInfo("/%2e%2E/hello/x")),
                refused("a dot segment", 400, "gateway.paths.strict", exchange -> exchange.rawPathInfo("/./hello")),
                refused("a dot-dot segment with a parameter", 400, "gateway.paths.strict",
                        exchange -> exchange.rawPathInfo("/..;/hello")),
                refused("a path parameter", 400, "gateway.paths.strict", exchange -> exchange.rawPathInfo("/a;jsessionid=1")),
                refused("an encoded semicolon", 400, "gateway.paths.strict", exchange -> exchange.rawPathInfo("/a%3Bb")),
                refused("an expectation other than 100-continue", 417, "RFC 9110 §10.1.1",
                        exchange -> exchange.header("Expect", "200-ok")),
                refused("an absolute target naming another host than Host", 400, "RFC 9112 §3.2.2",
                        exchange -> exchange.rawTarget("http://other/x").header("Host", "localhost")),
                refused("a request line over the limit", 414, "gateway.limits.max-request-line",
                        exchange -> exchange.rawQuery("q=" + "a".repeat(8192))),
                refused("more header lines than the limit", 431, "gateway.limits.max-header-count",
                        exchange -> manyHeaders(exchange, 101)),
                refused("more header bytes than the limit", 431, "gateway.limits.max-header-size",
                        exchange -> exchange.header("X-Big", "a".repeat(8192))),
                refused("a declared body over the limit", 413, "gateway.limits.max-request-body",
                        exchange -> exchange.contentLength(10L * 1024 * 1024 + 1)));
    }

    private static FakeExchange manyHeaders(FakeExchange exchange, int count) {
        for (int i = 1; i < count; i++) {
            exchange.header("X-H" + i, "v");
        }
        return exchange;
    }

    private static Arguments refused(String situation, int status, String clause, UnaryOperator<FakeExchange> request) {
        return Arguments.of(situation, status, clause, request);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refused")
    void refusesBeforeTheApplicationAndClosesTheConnection(String situation, int status, String clause,
            UnaryOperator<FakeExchange> request) {
        AtomicBoolean called = new AtomicBoolean();
        FakeExchange exchange = harness.serve(request.apply(new FakeExchange()), (environ, start) -> {
            called.set(true);
            start.start("200 OK", List.of());
            return List.of();
        });
        assertThat(called).as("application called").isFalse();
        assertThat(exchange.status()).isEqualTo(status);
        assertThat(exchange.header("Connection")).isEqualTo("close");
        assertThat(exchange.bodyText()).startsWith(status + " ").contains(clause).endsWith("\n");
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void letsDotSegmentsAndPathParametersThroughWhenPathsAreNotStrict() {
        FakeExchange exchange = new FakeExchange().rawPathInfo("/..;/hello");
        new Gateway((environ, start) -> {
            start.start("204 No Content", List.of());
            return List.of();
        }, GatewayOptions.defaults("lenient").withStrictPaths(false)).handle(exchange);
        assertThat(exchange.status()).isEqualTo(204);
    }

    @Test
    void answersOptionsAsteriskWithoutTheApplication() {
        AtomicBoolean called = new AtomicBoolean();
        FakeExchange exchange = harness.serve(new FakeExchange().method("OPTIONS").rawTarget("*").rawPathInfo("*"),
                (environ, start) -> {
                    called.set(true);
                    return List.of();
                });
        assertThat(called).as("application called").isFalse();
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.header("Allow")).isEqualTo("GET, HEAD, POST, PUT, DELETE, OPTIONS");
        assertThat(exchange.header("Connection")).isNull();
        assertThat(exchange.completed()).isTrue();
    }

    @Test
    void appliesTheMountsOwnBodyLimit() {
        FakeExchange exchange = new FakeExchange().method("POST").body("x".repeat(11));
        new Gateway((environ, start) -> List.of(), GatewayOptions.defaults("small")
            .withLimits(RequestLimits.DEFAULTS.withMaxRequestBody(10, "gateway.apps.small.limits.max-request-body")))
            .handle(exchange);
        assertThat(exchange.status()).isEqualTo(413);
        assertThat(exchange.bodyText()).contains("gateway.apps.small.limits.max-request-body");
    }

    @Test
    void letsOrdinaryRequestsThrough() {
        for (UnaryOperator<FakeExchange> request : List.<UnaryOperator<FakeExchange>>of(
                exchange -> exchange.header("Host", "example.com:8080"),
                exchange -> exchange.header("Host", "[::1]:8080"),
                exchange -> exchange.header("Host", "192.0.2.1"),
                exchange -> exchange.protocol("HTTP/1.0").withoutHost(),
                exchange -> exchange.withoutHost(),
                exchange -> exchange.rawTarget("http://example.com:8080/a?b").header("Host", "example.com:8080"),
                exchange -> exchange.protocol("HTTP/2.0"),
                exchange -> exchange.method("PATCH").header("Transfer-Encoding", "Chunked"),
                exchange -> exchange.header("Content-Length", "0"),
                exchange -> exchange.rawPathInfo("/caf%C3%A9/a:b@c/...x/.hidden").rawQuery("q=a+b&x=%20&y=/?;"),
                exchange -> exchange.header("Expect", "100-Continue"),
                exchange -> exchange.rawTarget("http://localhost").header("Host", "localhost"),
                exchange -> exchange.rawQuery("q=" + "a".repeat(8000)),
                exchange -> manyHeaders(exchange, 100),
                exchange -> exchange.contentLength(10L * 1024 * 1024))) {
            FakeExchange exchange = harness.serve(request.apply(new FakeExchange()), (environ, start) -> {
                start.start("204 No Content", List.of(new Header("X-Through", "yes")));
                return List.of();
            });
            assertThat(exchange.status()).isEqualTo(204);
        }
    }
}
