package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewayinterface.testsupport.SpringErrorsApplications.AdviceCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check over real HTTP that an application with {@code errors=spring} has its failure before the response answered
 * by Spring Boot's error handling, as a controller's unhandled exception is, and never by the user's
 * {@code @ControllerAdvice}; that a failure after the response started still aborts it; and that the plain answer
 * stays the default. Each stack runs it through a subclass carrying its own Spring Boot test annotation.
 */
public abstract class SpringErrorsContractTests extends ServerTests {

    @Autowired
    private AdviceCalls adviceCalls;

    @Autowired
    private MeterRegistry registry;

    @Test
    void answersAFailureBeforeTheResponseWithSpringBootsJsonErrorBody() throws Exception {
        RawHttp.Response response = get("/spring-fail/page", "Accept: application/json");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.head().header("content-type")).startsWith("application/json");
        assertThat(response.head().header("x-would-have")).isNull();
        JsonNode body = JsonMapper.shared().readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(500);
        assertThat(body.get("error").asString()).isEqualTo("Internal Server Error");
        assertThat(body.get("path").asString()).isEqualTo("/spring-fail/page");
        assertThat(body.has("timestamp")).isTrue();
        assertThat(response.text()).doesNotContain(SpringErrorsApplications.SECRET, "AdvisedException", "\tat ");
    }

    @Test
    void answersA500EvenForAFailureThatCarriesAStatusOfItsOwn() throws Exception {
        RawHttp.Response response = get("/spring-fail?status", "Accept: application/json");
        assertThat(response.status()).isEqualTo(500);
        assertThat(JsonMapper.shared().readTree(response.body()).get("status").asInt()).isEqualTo(500);
    }

    @Test
    void answersABrowserWithSpringBootsWhitelabelPage() throws Exception {
        RawHttp.Response response = get("/spring-fail", "Accept: text/html");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.head().header("content-type")).startsWith("text/html");
        assertThat(response.text()).contains("Whitelabel Error Page").doesNotContain(SpringErrorsApplications.SECRET);
    }

    @Test
    void answersAHeadRequestWithTheStatusAndNoBody() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("HEAD /spring-fail HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(500);
            assertThat(http.serverClosed()).as("nothing follows the head").isTrue();
        }
    }

    @Test
    void leavesTheUsersControllerAdviceOutOfIt() throws Exception {
        int before = adviceCalls.count.get();
        assertThat(get("/spring-fail").status()).isEqualTo(500);
        assertThat(adviceCalls.count.get()).isEqualTo(before);
        RawHttp.Response controller = get("/api/advised");
        assertThat(controller.status()).as("the advice answers a controller's failure").isEqualTo(418);
        assertThat(controller.text()).isEqualTo("answered by the advice");
        assertThat(adviceCalls.count.get()).isEqualTo(before + 1);
    }

    @Test
    void logsTheFailureNamingTheApplication(CapturedOutput output) throws Exception {
        get("/spring-fail");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll()
            .contains("Application 'failingToSpring' failed before the response started; answering 500"));
    }

    @Test
    void recordsTheFailureInTheGatewaysAndSpringsOwnMetrics() throws Exception {
        get("/spring-fail");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("gateway.requests", "app", "failingToSpring",
                "status", "500", "outcome", "SERVER_ERROR", "exception", "AdvisedException") > 0);
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> count("http.server.requests", "status", "500", "exception", "AdvisedException") > 0);
    }

    @Test
    void stillAbortsAFailureAfterTheResponseStarted() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET /spring-fail-late HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(http.readChunk()).asString().isEqualTo("first chunk\n");
            assertThatThrownBy(http::readChunk).isInstanceOf(IOException.class)
                .isNotInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void keepsThePlainAnswerWhereNothingAsksForSpringErrors() throws Exception {
        RawHttp.Response response = get("/fail", "Accept: application/json");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.head().header("content-type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.text()).isEqualTo("500 Internal Server Error\n");
    }

    private long count(String name, String... tags) {
        return registry.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
    }
}
