package dev.gatewayinterface.it;

import dev.gatewayinterface.autoconfigure.uwsgi.GatewayUwsgiServer;
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
                "gateway.apps.stream.path=/stream", "gateway.apps.file.path=/file", "gateway.apps.fail.path=/fail",
                "spring.main.banner-mode=off"));
        settings.addAll(List.of(properties));
        return new GatewayServer(new SpringApplicationBuilder(ProxiedApplication.class).web(stack)
            .properties(settings.toArray(String[]::new))
            .run());
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Return the port of the uwsgi listener, with {@code gateway.uwsgi.enabled=true}. */
    int uwsgiPort() {
        return context.getBean(GatewayUwsgiServer.class).getPort();
    }

    /**
     * Write the upstream file nginx needs to reach this server: docs/deploy/nginx/upstream.conf with the gateway's
     * address in place of {@code app:8080}, so that everything else (keepalive) stays as the docs show it.
     * @param address the address nginx reaches this JVM's host at
     * @param folder where to write the file
     */
    Path upstream(String address, Path folder) throws IOException {
        return documented("upstream.conf", "app:8080", address + ":" + port(), folder);
    }

    /**
     * Write the upstream file of nginx's uwsgi_pass: docs/deploy/nginx/uwsgi-upstream.conf with the uwsgi listener's
     * address in place of {@code app:3031}.
     * @param address the address nginx reaches this JVM's host at
     * @param folder where to write the file
     */
    Path uwsgiUpstream(String address, Path folder) throws IOException {
        return documented("uwsgi-upstream.conf", "app:3031", address + ":" + uwsgiPort(), folder);
    }

    private static Path documented(String file, String server, String actual, Path folder) throws IOException {
        String documented = Files.readString(ItPaths.deploy("nginx/" + file));
        if (!documented.contains("server " + server + ";")) {
            throw new IllegalStateException("docs/deploy/nginx/" + file + " no longer names " + server);
        }
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(file), documented.replace("server " + server + ";",
                "server " + actual + ";"));
    }

    @Override
    public void close() {
        context.close();
    }
}
