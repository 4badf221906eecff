package dev.gatewayinterface.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.ToStringConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Serve the demo's image behind the suite's nginx over {@code uwsgi_pass}, with the exact files of
 * docs/deploy/nginx/ ({@code uwsgi.conf} and {@code uwsgi-upstream.conf}), once on Spring MVC and once on WebFlux:
 * the one-line change a team moving off uWSGI makes (docs/DEPLOYMENT.md, "uwsgi").
 */
class DemoImageBehindUwsgiTests {

    /** The port of {@code uwsgi-upstream.conf}'s {@code server app:3031}. */
    private static final int UWSGI_PORT = 3031;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "servlet", "reactive" })
    void servesTheDemosJavaAndPythonApplicationsThroughUwsgiPass(String stack) throws Exception {
        String image = DemoImage.build();
        ToStringConsumer logs = new ToStringConsumer();
        Path work = ItPaths.module().resolve("target/demo-uwsgi-" + stack);
        TlsFiles tls = TlsFiles.create(work);
        try (ProxyNetworks networks = ProxyNetworks.create();
                GenericContainer<?> demo = new GenericContainer<>(DockerImageName.parse(image))
                    .withNetwork(networks.back())
                    .withNetworkAliases("app")
                    .withExposedPorts(8080)
                    .withEnv(Map.of("SPRING_MAIN_WEBAPPLICATIONTYPE", stack, "GATEWAY_UWSGI_ENABLED", "true",
                            "GATEWAY_UWSGI_PORT", Integer.toString(UWSGI_PORT),
                            // nginx is another container: listen beyond loopback, and believe nginx's vars only.
                            "GATEWAY_UWSGI_ADDRESS", "0.0.0.0", "GATEWAY_PROXY_TRUSTED", networks.back().subnet()))
                    .withLogConsumer(logs)
                    .withCreateContainerCmdModifier(create -> Docker.publishOnLoopback(create, 8080))
                    .waitingFor(Wait.forHttp("/hello").forPort(8080).withStartupTimeout(Duration.ofMinutes(5)))) {
            demo.start();
            try (NginxProxy nginx = new NginxProxy(networks, "uwsgi.conf",
                    ItPaths.deploy("nginx/uwsgi-upstream.conf"), tls)) {
                nginx.start();
                HttpClient client = ThroughNginx.client(tls);

                HttpResponse<String> hello = ThroughNginx.get(client, nginx.https() + "/hello");
                assertThat(hello.statusCode()).as(logs.toUtf8String()).isEqualTo(200);
                assertThat(hello.body()).isEqualTo("Hello, World!\n");

                byte[] upload = "uploaded through uwsgi_pass".getBytes(StandardCharsets.US_ASCII);
                HttpRequest post = ThroughNginx.request(nginx.https() + "/wsgi/echo/there?q=1")
                    .POST(BodyPublishers.ofByteArray(upload))
                    .build();
                Map<String, Object> echo = ThroughNginx.echo(client.send(post, BodyHandlers.ofString()));
                assertThat(Base64.getDecoder().decode((String) echo.get("body_b64"))).isEqualTo(upload);
                @SuppressWarnings("unchecked")
                Map<String, Object> environ = (Map<String, Object>) echo.get("environ");
                assertThat(environ).containsEntry("SCRIPT_NAME", "/wsgi/echo")
                    .containsEntry("PATH_INFO", "/there")
                    .containsEntry("QUERY_STRING", "q=1")
                    .containsEntry("wsgi.url_scheme", "https")
                    // nginx's own facts, believed because nginx is on the trusted network: the client, not nginx.
                    .containsEntry("REMOTE_ADDR", networks.front().gateway())
                    .containsEntry("CONTENT_LENGTH", Integer.toString(upload.length));

                HttpResponse<String> file = ThroughNginx.get(client, nginx.https() + "/files/hello.txt");
                assertThat(file.body()).isEqualTo("Hello from a file, sent by wsgi.file_wrapper.\n");

                HttpResponse<String> python = ThroughNginx.get(client, nginx.https() + "/py/environ");
                assertThat(python.statusCode()).as(logs.toUtf8String()).isEqualTo(200);
                assertThat(python.body()).contains("/py");
            }
        }
    }
}
