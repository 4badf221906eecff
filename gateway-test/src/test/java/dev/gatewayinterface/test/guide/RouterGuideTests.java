package dev.gatewayinterface.test.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.middleware.routing.Router;
import dev.gatewayinterface.middleware.routing.RoutingArgs;
import dev.gatewayinterface.middleware.routing.TrailingSlash;
import dev.gatewayinterface.test.TestClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Build the router docs/MIDDLEWARE.md shows, as it stands there, and check that it routes as the page says.
 */
class RouterGuideTests {

    private final Application listUsers = answering("list");

    private final Application createUser = answering("create");

    private final Application showUser = (environ, start) -> text(start, "show " + RoutingArgs.of(environ).get("id"));

    private final Application deleteUser = answering("delete");

    private final Application files = answering("files");

    private final Application next = answering("next");

    @Test
    void routesAsTheGuideSays() {
        Router router = Router.builder()
            .get("/users", listUsers)
            .post("/users", createUser)
            .get("/users/{id}", showUser)              // RoutingArgs.of(environ).get("id")
            .route("DELETE", "/users/{id}", deleteUser)
            .route(Router.ANY_METHOD, "/files/{*path}", files)
            .trailingSlash(TrailingSlash.REDIRECT)     // the default
            .fallback(next)                            // a plain 404 unless set
            .build();
        TestClient client = TestClient.of(router);
        assertThat(client.get("/users/7").text()).isEqualTo("show 7");
        assertThat(client.request("DELETE", "/users/7").send().text()).isEqualTo("delete");
        assertThat(client.request("PUT", "/files/a/b").send().text()).isEqualTo("files");
        assertThat(client.get("/elsewhere").text()).isEqualTo("next");
    }

    private static Application answering(String text) {
        return (environ, start) -> text(start, text);
    }

    private static List<byte[]> text(StartResponse start, String text) {
        start.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        return List.of(text.getBytes(StandardCharsets.US_ASCII));
    }
}
