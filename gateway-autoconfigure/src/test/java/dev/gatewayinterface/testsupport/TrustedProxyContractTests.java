package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Check, on a running server, what a mount sees when its peer is a trusted proxy (docs/SPEC.md §16): the tests
 * connect from 127.0.0.1, which each subclass's {@code gateway.proxy.trusted} names. Subclasses choose the stack and
 * {@code server.forward-headers-strategy}, which must change nothing of what a mount sees: the gateway applies its
 * own rule to the connection's facts, and applies it once.
 */
public abstract class TrustedProxyContractTests extends ProbedServerTests {

    /** The {@code gateway.proxy.trusted} property every subclass sets. */
    public static final String TRUSTED_LOOPBACK = "gateway.proxy.trusted=127.0.0.1";

    @Test
    void takesTheClientsRequestFromTheForwardedHeaders() throws Exception {
        assertThat(okBodyOf("/env/x?q=1", "X-Forwarded-For: 198.51.100.1, 203.0.113.9",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example", "X-Forwarded-Port: 8443",
                "X-Forwarded-Prefix: /wsgi")).isEqualTo("ok");
        assertThat(probes.environ.get()).containsEntry(Environ.REMOTE_ADDR, "203.0.113.9")
            .containsEntry(Environ.WSGI_URL_SCHEME, "https")
            .containsEntry(Environ.HTTPS, "on")
            .containsEntry(Environ.SERVER_NAME, "shop.example")
            .containsEntry(Environ.SERVER_PORT, "8443")
            .containsEntry("HTTP_HOST", "shop.example")
            .containsEntry(Environ.SCRIPT_NAME, "/wsgi/env")
            .containsEntry(Environ.PATH_INFO, "/x")
            .containsEntry(Environ.REQUEST_URI, "/wsgi/env/x?q=1")
            .containsEntry("HTTP_X_FORWARDED_FOR", "198.51.100.1, 203.0.113.9")
            .containsEntry("HTTP_X_FORWARDED_PREFIX", "/wsgi")
            .doesNotContainKey(Environ.REMOTE_PORT);
    }

    @Test
    void readsTheStandardForwardedHeader() throws Exception {
        okBodyOf("/env", "Forwarded: for=198.51.100.1, for=\"[2001:db8::7]:4711\";proto=https;host=shop.example");
        assertThat(probes.environ.get()).containsEntry(Environ.REMOTE_ADDR, "2001:db8:0:0:0:0:0:7")
            .containsEntry(Environ.REMOTE_PORT, "4711")
            .containsEntry(Environ.WSGI_URL_SCHEME, "https")
            .containsEntry(Environ.SERVER_NAME, "shop.example")
            .containsEntry(Environ.SERVER_PORT, "443");
    }

    @Test
    void keepsTheConnectionsFactsWhenTheProxyForwardsNothing() throws Exception {
        okBodyOf("/env");
        Map<String, Object> environ = probes.environ.get();
        assertThat(environ).containsEntry(Environ.REMOTE_ADDR, "127.0.0.1")
            .containsEntry(Environ.WSGI_URL_SCHEME, "http")
            .containsEntry(Environ.SERVER_NAME, "localhost")
            .containsEntry(Environ.SERVER_PORT, "80")
            .containsEntry(Environ.SCRIPT_NAME, "/env");
        assertThat(environ.get(Environ.REMOTE_PORT)).asString().matches("\\d+");
    }

    @Test
    void refusesValuesThatContradictEachOtherBeforeTheApplicationIsCalled() throws Exception {
        RawHttp.Response response = get("/env", "X-Forwarded-Proto: https", "X-Forwarded-Proto: http");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).startsWith("400 Bad Request: X-Forwarded-Proto gives both \"https\" and \"http\"");
        assertThat(probes.environ.get()).isNull();
    }
}
