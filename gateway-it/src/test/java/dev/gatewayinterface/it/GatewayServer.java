package dev.gatewayinterface.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run {@link ProxiedApplication} in this JVM on one stack, listening on every address at a random port, so that
 * nginx reaches it from its container through the back network's gateway address.
 */
final class GatewayServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private GatewayServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Start the application.
     * @param stack {@code SERVLET} for Spring MVC on Tomcat, {@code REACTIVE} for WebFlux on Reactor Netty
     * @param properties further {@code name=value} settings
     */
    static GatewayServer start(WebApplicationType stack, String... properties) {
        List<String> settings = new ArrayList<>(List.of("server.port=0", "gateway.apps.echo.path=/echo",
                "gateway.apps.stream.path=/stream", "spring.main.banner-mode=off"));
        settings.addAll(List.of(properties));
        return new GatewayServer(new SpringApplicationBuilder(ProxiedApplication.class).web(stack)
            .properties(settings.toArray(String[]::new))
            .run());
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Write the upstream file nginx needs to reach this server: docs/deploy/nginx/upstream.conf with the gateway's
     * address in place of {@code app:8080}, so that everything else (keepalive) stays as the docs show it.
     * @param address the address nginx reaches this JVM's host at
     * @param folder where to write the file
     */
    Path upstream(String address, Path folder) throws IOException {
        String documented = Files.readString(ItPaths.deploy("nginx/upstream.conf"));
        if (!documented.contains("server app:8080;")) {
            throw new IllegalStateException("docs/deploy/nginx/upstream.conf no longer names app:8080");
        }
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("upstream.conf"),
                documented.replace("server app:8080;", "server " + address + ":" + port() + ";"));
    }

    @Override
    public void close() {
        context.close();
    }
}
