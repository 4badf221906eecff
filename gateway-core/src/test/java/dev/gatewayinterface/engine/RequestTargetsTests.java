package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check the target and Host rules a server guard applies to every request, the same ones the engine's policy
 * applies at a mount (docs/SPEC.md §14).
 */
class RequestTargetsTests {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/a/b?c=d", "/caf%C3%A9", "http://example.com", "http://example.com?q",
            "https://example.com:8443/x", "/a:b@c!$&'()*+,;=" })
    void acceptsTargetsInOriginOrAbsoluteForm(String target) {
        assertThat(RequestTargets.check("GET", target)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "*", "example.com:443", "ftp://example.com/", "x", "/a b", "/a<b", "/a\\b", "/a#f",
            "/a%zz", "/a%4", "http://user@example.com/", "http:///x", "/caf\u00e9" })
    void refusesEveryOtherTargetWith400(String target) {
        assertThat(RequestTargets.check("GET", target)).extracting(Refusal::status).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "POST" })
    void letsOnlyOptionsAskAboutTheServer(String method) {
        assertThat(RequestTargets.check("OPTIONS", "*")).isNull();
        assertThat(RequestTargets.check(method, "*")).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({ "localhost", "example.com:8080", "my-host-2.example", "192.0.2.1", "[::1]:8080", "LOCALHOST" })
    void acceptsAHostThatIsANameOrAnAddressWithAPort(String host) {
        assertThat(RequestTargets.checkHosts(List.of(host), "HTTP/1.1", "/")).isNull();
    }

    @ParameterizedTest
    @CsvSource({ "local_host", "local!host", "user@host", "host:8o", "host:123456", "::1", "[::g]", "a b",
            "host/path", "'a,b'" })
    void refusesAHostThatIsNoHost(String host) {
        assertThat(RequestTargets.checkHosts(List.of(host), "HTTP/1.1", "/")).extracting(Refusal::rule)
            .asString().contains("RFC 9110 §7.2");
    }

    @ParameterizedTest
    @CsvSource({ "HTTP/1.1, /, 400", "HTTP/1.0, /, -1" })
    void refusesAMissingHostOnHttp11Only(String protocol, String target, int status) {
        Refusal refusal = RequestTargets.checkHosts(List.of(), protocol, target);
        assertThat(refusal == null ? -1 : refusal.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({ "http://other/x, localhost, 400", "http://localhost/x, localhost, -1",
            "http://localhost:80/x, localhost, 400", "HTTP://LOCALHOST/x, localhost, -1",
            "http://localhost/x, LocalHost, -1" })
    void refusesAnAbsoluteTargetNamingAnotherHostThanHostReadingHostsWithoutCase(String target, String host, int status) {
        Refusal refusal = RequestTargets.checkHosts(List.of(host), "HTTP/1.1", target);
        assertThat(refusal == null ? -1 : refusal.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({ "http://user@localhost/x, 400", "https://user:pw@localhost:8080?q, 400", "http://local host/x, 400",
            "http://localhost/x?a|b, -1", "/x?a|b, -1", "http://localhost:8080, -1" })
    void checksTheAuthorityOfAnAbsoluteTargetAloneLeavingItsPathAndQueryToTheServer(String target, int status) {
        Refusal refusal = RequestTargets.checkAbsoluteAuthority(target);
        assertThat(refusal == null ? -1 : refusal.status()).isEqualTo(status);
    }
}
