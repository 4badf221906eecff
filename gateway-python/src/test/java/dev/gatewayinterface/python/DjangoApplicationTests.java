package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Serve a real Django site, mounted at {@code /django}, over HTTP: URL routing and reversing below the mount,
 * query arguments, form and JSON bodies, its 404 and 500 handlers. Each stack runs this suite.
 */
abstract class DjangoApplicationTests {

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void servesTheIndexView() {
        HttpResponse<String> response = http().get("/django/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.body()).isEqualTo("Hello from Django");
    }

    @Test
    void readsQueryArguments() {
        assertThat(http().get("/django/greet/?name=Ada%20Lovelace").body()).isEqualTo("Hello, Ada Lovelace!");
    }

    @Test
    void redirectsToTheSlashedUrlBelowItsMount() {
        HttpResponse<String> response = http().get("/django/greet?name=Ada");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/django/greet/?name=Ada");
    }

    @Test
    void readsAFormBody() {
        HttpResponse<String> response = http().post("/django/form/", "application/x-www-form-urlencoded",
                "name=Gr%C3%A2ce&role=admin");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"name\": \"Gr\\u00e2ce\", \"fields\": [\"name\", \"role\"]}");
    }

    @Test
    void readsAJsonBody() {
        HttpResponse<String> response = http().post("/django/json/", "application/json", "{\"numbers\": [1, 2, 39]}");
        assertThat(response.body()).isEqualTo("{\"received\": {\"numbers\": [1, 2, 39]}, \"total\": 42}");
    }

    @Test
    void reversesUrlsBelowItsMountFromScriptName() {
        assertThat(http().get("/django/items/2/").body()).isEqualTo("{\"id\": 2, \"url\": \"/django/items/2/\"}");
    }

    @Test
    void answersAMissingItemWithItsOwn404Handler() {
        HttpResponse<String> response = http().get("/django/items/9/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\": \"not found\", \"path\": \"/django/items/9/\"}");
    }

    @Test
    void answersAnUnhandledExceptionWithItsOwn500Handler() {
        HttpResponse<String> response = http().get("/django/crash/");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\": \"server error\"}");
    }

    @Test
    void refusesAMethodTheViewDoesNotAllow() {
        assertThat(http().post("/django/greet/", "text/plain", "x").statusCode()).isEqualTo(405);
    }
}
