package dev.gatewayinterface.middleware.routing;

import static dev.gatewayinterface.middleware.Apps.echo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gatewayinterface.middleware.PlainText;
import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check that {@link Dispatcher} finds the longest prefix on segment boundaries and moves it exactly.
 */
class DispatcherTests {

    private final Dispatcher dispatcher = new Dispatcher(Map.of(
            "/a", echo("a"),
            "/a/b", echo("a/b"),
            "/café", echo("café")));

    @ParameterizedTest(name = "{0} below /shop reaches {1}")
    @CsvSource(delimiterString = "->", value = {
        "/shop/a -> a /shop/a|",
        "/shop/a/ -> a /shop/a|/",
        "/shop/a/x -> a /shop/a|/x",
        "/shop/a/x/ -> a /shop/a|/x/",
        "/shop/a/b -> a/b /shop/a/b|",
        "/shop/a/b/c -> a/b /shop/a/b|/c",
        "/shop/a/bc -> a /shop/a|/bc",
        "/shop/a//b -> a /shop/a|//b",
        "/shop/caf%C3%A9/menu -> café /shop/cafÃ©|/menu",
        "/shop/a%2Fb -> a/b /shop/a/b|",
    })
    void movesTheLongestMatchingPrefixFromPathInfoToScriptName(String target, String answer) {
        TestResponse response = TestClient.of(dispatcher).mountedAt("/shop").get(target);
        assertThat(response.text()).isEqualTo(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ab", "/b/a", "/A", "/caf"})
    void answersAPathUnderNoPrefixWithAPlain404(String target) {
        TestResponse response = TestClient.of(dispatcher).get(target);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo(PlainText.CONTENT_TYPE);
        assertThat(response.text()).isEqualTo("404 Not Found\n");
    }

    @Test
    void answersHeadUnderNoPrefixWithoutABody() {
        TestResponse response = TestClient.of(dispatcher).strictValidation().head("/nowhere");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Length")).isEqualTo("14");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void sendsAPathUnderNoPrefixToTheFallbackUnchanged() {
        Dispatcher withFallback = new Dispatcher(Map.of("/a", echo("a")), echo("fallback"));
        assertThat(TestClient.of(withFallback).mountedAt("/shop").get("/shop/b/c").text())
            .isEqualTo("fallback /shop|/b/c");
        assertThat(withFallback.fallback()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "a", "/a/", "/a//b"})
    void refusesAMalformedPrefixQuotingIt(String prefix) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Dispatcher(Map.of(prefix, echo("x"))))
            .withMessageContaining("not \"" + prefix + "\"");
    }
}
