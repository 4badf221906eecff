package dev.gatewayinterface.demo;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.Write;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Answer through the imperative {@code write} callable, as applications ported from push-style frameworks
 * do, then return an empty body.
 */
final class WriteApplication implements Application {

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws IOException {
        Write write = startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
        write.write("written with write(), ".getBytes(StandardCharsets.US_ASCII));
        write.write("line by line\n".getBytes(StandardCharsets.US_ASCII));
        return List.of();
    }
}
