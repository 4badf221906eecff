package dev.gatewayinterface.middleware.routing;

import static dev.gatewayinterface.middleware.Apps.answering;
import static dev.gatewayinterface.middleware.Apps.echo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestResponse;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check that {@link Router} picks routes by method and path template, and answers 404, 405 and 308 as documented.
 */
class RouterTests {

    private static final Application ARGS = answering(environ -> {
        RoutingArgs args = RoutingArgs.of(environ);
        return environ.get(Environ.REQUEST_METHOD) + " " + args.positional() + " " + new TreeMap<>(args.named());
    });

    private final Router router = Router.builder()
        .get("/", echo("home"))
        .get("/users", ARGS)
        .post("/users", ARGS)
        .get("/users/{id}", ARGS)
        .route("DELETE", "/users/{id}", ARGS)
        .get("/users/{id}/posts/{}", ARGS)
        .get("/docs/", echo("docs"))
        .route(Router.ANY_METHOD, "/files/{*path}", ARGS)
        .get("/café/{dish}", ARGS)
        .build();

    private final TestClient client = TestClient.of(router).strictValidation();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "->", value = {
        "GET    /users              -> GET [] {}",
        "POST   /users              -> POST [] {}",
        "GET    /users/42           -> GET [] {id=42}",
        "DELETE /users/42           -> DELETE [] {id=42}",
        "GET    /users/42/posts/7   -> GET [7] {id=42}",
        "PATCH  /files              -> PATCH [] {path=}",
        "GET    /files/             -> GET [] {path=/}",
        "PUT    /files/a/b.txt      -> PUT [] {path=/a/b.txt}",
        "GET    /caf%C3%A9/cr%C3%AApe -> GET [] {dish=crêpe}",
    })
    void passesCapturedValuesInRoutingArgs(String request, String answer) {
        String[] methodAndTarget = request.split(" +");
        assertThat(client.request(methodAndTarget[0], methodAndTarget[1]).send().text()).isEqualTo(answer);
    }

    @Test
    void addsToRoutingArgsAnOuterRouterPutThere() {
        Router outer = Router.builder().get("/{org}/{*rest}", (environ, start) -> {
            environ.put(Environ.PATH_INFO, RoutingArgs.of(environ).get("rest"));
            return router.call(environ, start);
        }).build();
        assertThat(TestClient.of(outer).get("/acme/users/42/posts/7").text()).isEqualTo("GET [7] {id=42, org=acme, rest=/users/42/posts/7}");
    }

    @Test
    void answersHeadWithTheGetRouteAndNoBody() {
        TestResponse response = client.head("/users/42");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Length")).isEqualTo(Integer.toString("HEAD [] {id=42}".length()));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answersAPathOfOtherMethodsWith405ListingThem() {
        TestResponse response = client.request("PUT", "/users/42").send();
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, DELETE");
        assertThat(response.text()).isEqualTo("405 Method Not Allowed\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing", "/users/42/posts", "/users//posts/7", "/cafe/x", "/users/a%2Fb"})
    void answersAPathNoRouteMatchesWith404(String target) {
        TestResponse response = client.get(target);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).isEqualTo("404 Not Found\n");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "->", value = {
        "/shop/users/       -> /shop/users",
        "/shop/users/42/?x=1 -> /shop/users/42?x=1",
        "/shop/docs         -> /shop/docs/",
        "/shop              -> /shop/",
        "/shop/caf%C3%A9/cr%C3%AApe/ -> /shop/caf%C3%A9/cr%C3%AApe",
    })
    void redirectsToTheOtherFormOfATrailingSlashWith308(String target, String location) {
        TestResponse response = client.mountedAt("/shop").get(target);
        assertThat(response.status()).isEqualTo(308);
        assertThat(response.header("Location")).isEqualTo(location);
    }

    @Test
    void servesTheOtherFormOfATrailingSlashWhenSetToMatch() {
        Router matching = Router.builder().get("/docs/", echo("docs")).trailingSlash(TrailingSlash.MATCH).build();
        assertThat(TestClient.of(matching).mountedAt("/shop").get("/shop/docs").text()).isEqualTo("docs /shop|/docs");
    }

    @Test
    void answersTheOtherFormsOtherMethodsWith405WhenSetToMatch() {
        Router matching = Router.builder().get("/docs/", echo("docs")).trailingSlash(TrailingSlash.MATCH).build();
        TestResponse response = TestClient.of(matching).request("PUT", "/docs").send();
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void answersTheOtherFormOfATrailingSlashWith404WhenStrict() {
        Router strict = Router.builder().get("/docs/", echo("docs")).trailingSlash(TrailingSlash.STRICT).build();
        assertThat(TestClient.of(strict).get("/docs").status()).isEqualTo(404);
    }

    @Test
    void sendsAPathNoRouteMatchesToTheFallbackUnchanged() {
        Router withFallback = Router.builder().get("/a", echo("a")).fallback(echo("fallback")).build();
        assertThat(TestClient.of(withFallback).request("POST", "/b/c").send().text()).isEqualTo("fallback |/b/c");
        assertThat(withFallback.fallback()).isNotNull();
    }

    @Test
    void triesRoutesInTheOrderTheyWereAdded() {
        Router ordered = Router.builder().get("/users/me", echo("me")).get("/users/{id}", echo("by id")).build();
        assertThat(TestClient.of(ordered).get("/users/me").text()).startsWith("me ");
        assertThat(RoutingArgs.NONE.positional()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "/users/{id}/{id}", "/files/{*path}/x", "/a{id}", "/{1d}"})
    void refusesAMalformedTemplateQuotingIt(String template) {
        assertThatIllegalArgumentException().isThrownBy(() -> Router.builder().get(template, echo("x")))
            .withMessageContaining("not \"" + template + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GET /", "G\u00c9T"})
    void refusesAMethodThatIsNoTokenQuotingIt(String method) {
        assertThatIllegalArgumentException().isThrownBy(() -> Router.builder().route(method, "/", echo("x")))
            .withMessageContaining("not \"" + method + "\"");
    }
}
