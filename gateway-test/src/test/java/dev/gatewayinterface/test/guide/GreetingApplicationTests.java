package dev.gatewayinterface.test.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.middleware.ContractViolationException;
import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestEnviron;
import dev.gatewayinterface.test.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mirror, line for line, the examples of docs/TESTING.md, so that they compile and pass.
 */
class GreetingApplicationTests {

    private final TestClient client = TestClient.of(new GreetingApplication());

    @Test
    void greetsTheNameInTheQuery() {
        TestResponse response = client.get("/?name=Ada");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.text()).isEqualTo("Hello, Ada!");
    }

    @Test
    void answersHeadWithoutABody() {
        TestResponse response = client.head("/");
        assertThat(response.header("Content-Length")).isEqualTo("13");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void runsWithAnEnvironOfYourOwn() {
        Map<String, Object> environ = TestEnviron.builder().query("name=Grace").build();
        assertThat(client.call(environ).text()).isEqualTo("Hello, Grace!");
    }

    @Test
    void failsWhenAnApplicationBreaksTheContract() {
        TestClient careless = TestClient.of((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain"), new Header("Content-Length", "50")));
            return List.of("Hello, World!".getBytes());
        });
        assertThatExceptionOfType(ContractViolationException.class)
            .isThrownBy(() -> careless.get("/"))
            .withMessageContaining("SPEC §6.3");
    }

    @Test
    void mountsTheApplicationBelowAPath() {
        TestClient mounted = TestClient.of((environ, start) -> {
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of((environ.get(Environ.SCRIPT_NAME) + "|" + environ.get(Environ.PATH_INFO)).getBytes());
        }).mountedAt("/shop");
        assertThat(mounted.get("/shop/cart").text()).isEqualTo("/shop|/cart");
    }
}
