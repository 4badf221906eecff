package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import org.junit.jupiter.api.Test;

/**
 * Check, on a running server that trusts no proxy (the default of {@code gateway.proxy.trusted}), that forged
 * forwarded headers change nothing a mount sees but the headers themselves (docs/SPEC.md §16), whatever
 * {@code server.forward-headers-strategy} the subclass chose: Spring's own handlers may believe the headers, mounts
 * do not. Subclasses show Spring's view at {@code /spring-view}: its remote address and scheme.
 */
public abstract class UntrustedProxyContractTests extends ProbedServerTests {

    private static final String[] FORGED = { "X-Forwarded-For: 203.0.113.9", "X-Forwarded-Proto: https",
            "X-Forwarded-Host: forged.example", "X-Forwarded-Port: 8443", "X-Forwarded-Prefix: /forged",
            "Forwarded: for=203.0.113.9;proto=https;host=forged.example" };

    @Test
    void changesNothingButTheHeadersForAClientThatForgesThem() throws Exception {
        assertThat(okBodyOf("/env/x", FORGED)).isEqualTo("ok");
        assertThat(probes.environ.get()).containsEntry(Environ.REMOTE_ADDR, "127.0.0.1")
            .containsEntry(Environ.WSGI_URL_SCHEME, "http")
            .containsEntry(Environ.SERVER_NAME, "localhost")
            .containsEntry(Environ.SERVER_PORT, "80")
            .containsEntry("HTTP_HOST", "localhost")
            .containsEntry(Environ.SCRIPT_NAME, "/env")
            .containsEntry(Environ.REQUEST_URI, "/env/x")
            .containsEntry("HTTP_X_FORWARDED_FOR", "203.0.113.9")
            .containsEntry("HTTP_FORWARDED", "for=203.0.113.9;proto=https;host=forged.example")
            .doesNotContainKey(Environ.HTTPS);
    }

    @Test
    void letsAMalformedForgedHeaderThroughUntouched() throws Exception {
        assertThat(okBodyOf("/env", "Forwarded: for=\"unclosed", "X-Forwarded-Proto: gopher")).isEqualTo("ok");
        assertThat(probes.environ.get()).containsEntry(Environ.WSGI_URL_SCHEME, "http");
    }

    /**
     * Return what Spring's own handlers see of a request carrying the forged headers, as {@code address scheme}.
     * @return Spring's view
     * @throws Exception if the request fails
     */
    protected String springView() throws Exception {
        return okBodyOf("/spring-view", FORGED);
    }
}
