package dev.gatewayinterface.test.guide;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Greet the name in the query: the application docs/TESTING.md tests.
 */
public class GreetingApplication implements Application {

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) {
        String query = (String) environ.get(Environ.QUERY_STRING);
        String name = query.startsWith("name=") ? query.substring(5) : "World";
        startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=utf-8")));
        return List.of(("Hello, " + name + "!").getBytes(StandardCharsets.UTF_8));
    }
}
