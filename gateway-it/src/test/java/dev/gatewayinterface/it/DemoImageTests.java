package dev.gatewayinterface.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.ToStringConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Build the demo's image from demo-app/Dockerfile and run it as docs/deploy/kubernetes/deployment.yaml runs it —
 * its environment, memory limit, user, read-only root file system and /tmp volume — behind nginx with the documented
 * configuration, upstream file included: it must answer the Deployment's probes, serve Prometheus where the
 * annotations point, size its heap from the memory limit, and finish the requests in flight when it gets SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoImageTests {

    private static final String CONTAINER = "spec.template.spec.containers.0";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Manifest deployment = Manifest.of("deployment.yaml");

    private final ToStringConsumer logs = new ToStringConsumer();

    private ProxyNetworks networks;

    private GenericContainer<?> demo;

    private NginxProxy nginx;

    private HttpClient client;

    @BeforeAll
    void runTheImageAsTheDeploymentDoes() throws Exception {
        String image = DemoImage.build();
        networks = ProxyNetworks.create();
        Map<String, String> environment = deployment.environment(CONTAINER);
        // The Deployment names the ingress controller's pods; here nginx is on the back network.
        environment.put("GATEWAY_PROXY_TRUSTED", networks.back().subnet());
        long memory = bytes(deployment.text(CONTAINER + ".resources.limits.memory"));
        String user = deployment.text("spec.template.spec.securityContext.runAsUser") + ":"
                + deployment.text("spec.template.spec.securityContext.runAsGroup");
        boolean readOnly = (Boolean) deployment.at(CONTAINER + ".securityContext.readOnlyRootFilesystem");
        String tmp = deployment.text(CONTAINER + ".volumeMounts.0.mountPath");
        String tmpSize = deployment.text("spec.template.spec.volumes.0.emptyDir.sizeLimit").replace("Mi", "m");
        demo = new GenericContainer<>(DockerImageName.parse(image)).withNetwork(networks.back())
            .withNetworkAliases("app")
            .withExposedPorts(port("http"), port("management"))
            .withEnv(environment)
            .withLogConsumer(logs)
            .withCreateContainerCmdModifier(create -> {
                Docker.publishOnLoopback(create, port("http"), port("management"));
                create.withUser(user);
                // An emptyDir allows executables, which GraalPy's unpacked native libraries need; Docker's tmpfs not.
                create.getHostConfig().withMemory(memory).withMemorySwap(memory).withReadonlyRootfs(readOnly)
                    .withTmpFs(Map.of(tmp, "rw,exec,nosuid,size=" + tmpSize));
            })
            .waitingFor(Wait.forHttp(deployment.text(CONTAINER + ".readinessProbe.httpGet.path"))
                .forPort(port("http"))
                .withStartupTimeout(Duration.ofMinutes(5)));
        demo.start();
        Path work = ItPaths.module().resolve("target/demo-image");
        TlsFiles tls = TlsFiles.create(work);
        nginx = new NginxProxy(networks, ItPaths.deploy("nginx/upstream.conf"), tls);
        nginx.start();
        client = HttpClient.newBuilder().sslContext(tls.client()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    void stop() throws Exception {
        Files.writeString(Files.createDirectories(ItPaths.module().resolve("target/demo-image")).resolve("container.log"),
                logs.toUtf8String());
        try (ProxyNetworks removed = networks) {
            if (nginx != null) {
                nginx.stop();
            }
            if (demo != null) {
                demo.stop();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "startupProbe", "livenessProbe", "readinessProbe" })
    void answersTheProbesOfTheDeployment(String probe) throws Exception {
        String path = deployment.text(CONTAINER + "." + probe + ".httpGet.path");
        int port = port(deployment.text(CONTAINER + "." + probe + ".httpGet.port"));
        HttpResponse<String> response = get("http://127.0.0.1:" + demo.getMappedPort(port) + path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("status", "UP");
    }

    @Test
    void countsTheGatewaysExecutorInReadiness() throws Exception {
        HttpResponse<String> response = get(management("/actuator/health/readiness"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(object(json(response).get("components"))).containsOnlyKeys("gateway", "readinessState");
    }

    @Test
    void servesPrometheusWhereThePodsAnnotationsPoint() throws Exception {
        Manifest annotations = deployment.map("spec.template.metadata.annotations");
        assertThat(annotations.key("prometheus.io/scrape")).isEqualTo("true");
        int port = Integer.parseInt(annotations.key("prometheus.io/port"));
        get(nginx.https() + "/hello");
        HttpResponse<String> response = get("http://127.0.0.1:" + demo.getMappedPort(port)
                + annotations.key("prometheus.io/path"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("gateway_requests_seconds_count{").contains("jvm_memory_max_bytes");
    }

    @Test
    void servesTheDemoBehindNginxWithTheClientsView() throws Exception {
        HttpResponse<String> response = get(nginx.https() + "/wsgi/echo/x?y=1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(object(json(response).get("environ"))).containsEntry("REMOTE_ADDR", networks.front().gateway())
            .containsEntry("wsgi.url_scheme", "https")
            .containsEntry("SERVER_NAME", TlsFiles.HOST)
            .containsEntry("SCRIPT_NAME", "/wsgi/echo")
            .containsEntry("PATH_INFO", "/x");
        assertThat(get(nginx.http() + "/hello").body()).isEqualTo("Hello, World!\n");
    }

    @Test
    void sizesTheHeapFromTheContainersMemoryLimit() throws Exception {
        HttpResponse<String> response = get(management("/actuator/metrics/jvm.memory.max?tag=area:heap"));
        double heap = ((Number) ((Map<?, ?>) ((List<?>) json(response).get("measurements")).get(0)).get("value"))
            .doubleValue();
        long limit = bytes(deployment.text(CONTAINER + ".resources.limits.memory"));
        // -XX:MaxRAMPercentage=60 in the Dockerfile; the collector keeps a little of it for itself.
        assertThat(heap / limit).isBetween(0.5, 0.61);
    }

    @Test
    void runsAsTheUserOfTheImageNotAsRoot() throws Exception {
        assertThat(demo.execInContainer("id", "-u").getStdout().strip()).isEqualTo("10001");
        assertThat(Docker.client().inspectImageCmd(DemoImage.TAG).exec().getConfig().getUser()).isEqualTo("10001:10001");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void finishesTheRequestInFlightOnSigtermAndThenExits() throws Exception {
        byte[] body = "x".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", demo.getMappedPort(port("http")))) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: app\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 500);
            out.flush();
            // The request cannot end before the rest of its body: it is in flight for as long as the test says.
            int grace = Integer.parseInt(deployment.text("spec.template.spec.terminationGracePeriodSeconds"));
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(
                    () -> Docker.client().stopContainerCmd(demo.getContainerId()).withTimeout(grace).exec());
            await().atMost(Duration.ofMinutes(1)).until(() -> logs.toUtf8String().contains("Commencing graceful shutdown"));
            out.write(body, 500, 500);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String echoed = in.lines().dropWhile(line -> !line.isEmpty()).skip(1).findFirst().orElseThrow();
            assertThat(json(echoed)).containsEntry("body_b64", Base64.getEncoder().encodeToString(body));
            stopped.get(2, TimeUnit.MINUTES);
        }
        InspectContainerResponse.ContainerState state = Docker.client().inspectContainerCmd(demo.getContainerId())
            .exec().getState();
        assertThat(state.getExitCodeLong()).as("exit code: the JVM's for SIGTERM, not Docker's kill").isEqualTo(143L);
        assertThat(logs.toUtf8String()).contains("Graceful shutdown complete");
    }

    private int port(String name) {
        if (name.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(name);
        }
        for (Object port : (List<?>) deployment.at(CONTAINER + ".ports")) {
            if (name.equals(((Map<?, ?>) port).get("name"))) {
                return ((Number) ((Map<?, ?>) port).get("containerPort")).intValue();
            }
        }
        throw new IllegalStateException("The Deployment names no port " + name);
    }

    private String management(String path) {
        return "http://127.0.0.1:" + demo.getMappedPort(port("management")) + path;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Host", TlsFiles.HOST)
            .timeout(Duration.ofSeconds(60)).GET().build(), BodyHandlers.ofString());
    }

    private static Map<String, Object> json(HttpResponse<String> response) {
        return json(response.body());
    }

    private static Map<String, Object> json(String text) {
        return JSON.readValue(text, new TypeReference<Map<String, Object>>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    /** Read a Kubernetes quantity in binary units, such as {@code 1Gi} or {@code 768Mi}. */
    static long bytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) << 30;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) << 20;
        }
        throw new IllegalArgumentException("Not a quantity in Mi or Gi: " + quantity);
    }
}
