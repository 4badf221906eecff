package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Serve a real Flask application, mounted at {@code /flask}, over HTTP: routing, query arguments, form and JSON
 * bodies, its 404 and error handlers, {@code send_file} and a streamed response. Each stack runs this suite.
 */
abstract class FlaskApplicationTests {

    @LocalServerPort
    int port;

    private Http http() {
        return new Http(port);
    }

    @Test
    void servesTheIndexRoute() {
        HttpResponse<String> response = http().get("/flask/");
        assertThat(response.statusCode()).isEqualTo(200);
        // Tomcat rewrites the header's spacing, so only its media type is compared.
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).isEqualTo("Hello from Flask");
    }

    @Test
    void readsQueryArguments() {
        assertThat(http().get("/flask/greet?name=Ada%20Lovelace").body()).isEqualTo("Hello, Ada Lovelace!");
    }

    @Test
    void readsAFormBody() {
        HttpResponse<String> response = http().post("/flask/form", "application/x-www-form-urlencoded",
                "name=Gr%C3%A2ce&role=admin");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"fields\":[\"name\",\"role\"],\"name\":\"Gr\\u00e2ce\"}\n");
    }

    @Test
    void readsAJsonBody() {
        HttpResponse<String> response = http().post("/flask/json", "application/json", "{\"numbers\": [1, 2, 39]}");
        assertThat(response.body()).isEqualTo("{\"received\":{\"numbers\":[1,2,39]},\"total\":42}\n");
    }

    @Test
    void buildsUrlsBelowItsMountFromScriptName() {
        assertThat(http().get("/flask/items/2").body()).isEqualTo("{\"id\":2,\"url\":\"/flask/items/2\"}\n");
    }

    @Test
    void answersAMissingItemWithItsOwn404Handler() {
        HttpResponse<String> response = http().get("/flask/items/9");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"not found\",\"path\":\"/items/9\"}\n");
    }

    @Test
    void answersAnUnknownRouteWithItsOwn404Handler() {
        assertThat(http().get("/flask/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void answersAnExceptionWithItsErrorHandler() {
        HttpResponse<String> response = http().get("/flask/maintenance");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"error\":\"back soon\"}\n");
    }

    @Test
    void answersAnUnhandledExceptionWithFlasksOwn500Page() {
        HttpResponse<String> response = http().get("/flask/crash");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<h1>Internal Server Error</h1>");
    }

    @Test
    void sendsAFileWithSendFile() {
        HttpResponse<String> response = http().get("/flask/download");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("17000");
        assertThat(response.body()).startsWith("quarterly report\n").hasSize(17000);
    }

    @Test
    void streamsAResponseFromAGenerator() {
        HttpResponse<String> response = http().get("/flask/stream");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.body()).isEqualTo("part 0\npart 1\npart 2\n");
    }

    @Test
    void answersHeadWithoutABody() {
        HttpResponse<String> response = http().head("/flask/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("16");
        assertThat(response.body()).isEmpty();
    }
}
