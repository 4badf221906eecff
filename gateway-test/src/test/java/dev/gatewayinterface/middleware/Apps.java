package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Build the applications middleware tests put below the middleware, each inside {@link ContractValidator}, so
 * that a middleware that hands its application a broken environ or mishandles its body fails the test; the
 * test client's own validator checks the other side.
 */
public final class Apps {

    private Apps() {
    }

    /**
     * Return an application that answers 200 with a text made from the environ it got.
     * @param text what to answer, made from the environ
     * @return the validated application
     */
    public static Application answering(Function<Map<String, Object>, String> text) {
        return new ContractValidator((environ, start) -> {
            byte[] body = text.apply(environ).getBytes(StandardCharsets.UTF_8);
            start.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8"),
                    new Header("Content-Length", Integer.toString(body.length))));
            // The strict validator refuses a body for HEAD: the server would drop it.
            return "HEAD".equals(environ.get(Environ.REQUEST_METHOD)) ? List.of() : List.of(body);
        });
    }

    /**
     * Return an application that answers {@code "<name> SCRIPT_NAME|PATH_INFO"}.
     * @param name the name the application answers with
     * @return the validated application
     */
    public static Application echo(String name) {
        return answering(environ -> name + " " + environ.get(Environ.SCRIPT_NAME) + "|" + environ.get(Environ.PATH_INFO));
    }
}
