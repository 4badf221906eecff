package dev.gatewayinterface.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Check the Kubernetes manifests of docs/deploy/kubernetes field by field where a mistake would not show until a
 * cluster runs them: that the objects find each other, that the probes reach Spring Boot's health groups with the
 * gateway's executor in readiness, that the grace period covers preStop and the shutdown phase, and that Prometheus
 * scrapes where actuator serves. DemoImageTests runs the container as the Deployment describes it.
 */
class DeploymentManifestsTests {

    private static final String POD = "spec.template.spec";

    private static final String CONTAINER = POD + ".containers.0";

    private final Manifest deployment = Manifest.of("deployment.yaml");

    private final Map<String, String> environment = deployment.environment(CONTAINER);

    @Test
    void declaresEachObjectOfTheKindAndVersionAClusterServes() {
        assertThat(List.of(kind("deployment.yaml"), kind("service.yaml"), kind("hpa.yaml"), kind("pdb.yaml"),
                kind("ingress.yaml")))
            .containsExactly("apps/v1 Deployment", "v1 Service", "autoscaling/v2 HorizontalPodAutoscaler",
                    "policy/v1 PodDisruptionBudget", "networking.k8s.io/v1 Ingress");
    }

    @Test
    void letsTheServiceThePodDisruptionBudgetAndTheDeploymentFindItsPods() {
        Object labels = deployment.at("spec.template.metadata.labels");
        assertThat(deployment.at("spec.selector.matchLabels")).isEqualTo(labels);
        assertThat(Manifest.of("service.yaml").at("spec.selector")).isEqualTo(labels);
        assertThat(Manifest.of("pdb.yaml").at("spec.selector.matchLabels")).isEqualTo(labels);
        assertThat(containerPortNames()).contains(Manifest.of("service.yaml").text("spec.ports.0.targetPort"));
    }

    @Test
    void routesTheIngressToTheServicesPortWithNginxsUploadLimitAndTheGatewaysInStep() throws Exception {
        Manifest ingress = Manifest.of("ingress.yaml");
        Manifest service = Manifest.of("service.yaml");
        assertThat(ingress.text("spec.rules.0.http.paths.0.backend.service.name")).isEqualTo(service.text("metadata.name"));
        assertThat(ingress.text("spec.rules.0.http.paths.0.backend.service.port.name"))
            .isEqualTo(service.text("spec.ports.0.name"));
        Matcher limit = Pattern.compile("client_max_body_size (\\w+);")
            .matcher(Files.readString(ItPaths.deploy("nginx/gateway.conf")));
        assertThat(limit.find()).isTrue();
        assertThat(ingress.map("metadata.annotations").key("nginx.ingress.kubernetes.io/proxy-body-size"))
            .isEqualTo(limit.group(1));
        // nginx's 32m is the gateway's 32MB: a smaller gateway limit would answer 413 to what nginx let through.
        assertThat(environment).containsEntry("GATEWAY_LIMITS_MAXREQUESTBODY", limit.group(1).toUpperCase() + "B");
    }

    @Test
    void probesSpringBootsHealthGroupsOnTheApplicationsPort() {
        assertThat(environment).containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true")
            .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ADDADDITIONALPATHS", "true");
        assertThat(probe("startupProbe")).isEqualTo("http /livez");
        assertThat(probe("livenessProbe")).isEqualTo("http /livez");
        assertThat(probe("readinessProbe")).isEqualTo("http /readyz");
        assertThat(environment.get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE").split(","))
            .containsExactlyInAnyOrder("readinessState", "gateway");
        // The gateway's executor, and so its health, exists on WebFlux only.
        assertThat(environment).containsEntry("SPRING_MAIN_WEBAPPLICATIONTYPE", "reactive");
    }

    @Test
    void givesTheShutdownPhaseTimeToEndBeforeKubernetesKillsThePod() {
        List<?> preStop = (List<?>) deployment.at(CONTAINER + ".lifecycle.preStop.exec.command");
        assertThat(preStop.get(0)).isEqualTo("sleep");
        long sleep = Long.parseLong(String.valueOf(preStop.get(1)));
        Duration phase = Duration.parse("PT" + environment.get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE"));
        long grace = Long.parseLong(deployment.text(POD + ".terminationGracePeriodSeconds"));
        assertThat(environment).containsEntry("SERVER_SHUTDOWN", "graceful");
        // Kubernetes counts preStop in the grace period; the JVM needs a few seconds after the phase to exit.
        assertThat(grace).isGreaterThanOrEqualTo(sleep + phase.toSeconds() + 5);
    }

    @Test
    void pointsPrometheusAtActuatorOnTheManagementPort() throws Exception {
        Manifest annotations = deployment.map("spec.template.metadata.annotations");
        assertThat(annotations.key("prometheus.io/scrape")).isEqualTo("true");
        assertThat(annotations.key("prometheus.io/port")).isEqualTo(environment.get("MANAGEMENT_SERVER_PORT"))
            .isEqualTo(String.valueOf(containerPort("management")));
        assertThat(annotations.key("prometheus.io/path")).isEqualTo("/actuator/prometheus");
        assertThat(Files.readString(ItPaths.root().resolve("demo-app/src/main/resources/application.properties")))
            .containsPattern("management.endpoints.web.exposure.include=.*prometheus");
    }

    @Test
    void scalesOnTheCpuTheContainerRequests() {
        Manifest hpa = Manifest.of("hpa.yaml");
        assertThat(hpa.text("spec.scaleTargetRef.kind") + " " + hpa.text("spec.scaleTargetRef.name"))
            .isEqualTo("Deployment " + deployment.text("metadata.name"));
        assertThat(hpa.text("spec.metrics.0.resource.name")).isEqualTo("cpu");
        assertThat(deployment.text(CONTAINER + ".resources.requests.cpu")).isNotBlank();
        int minReplicas = (Integer) hpa.at("spec.minReplicas");
        assertThat(minReplicas).isGreaterThanOrEqualTo(2);
        assertThat((Integer) Manifest.of("pdb.yaml").at("spec.minAvailable")).isLessThan(minReplicas);
    }

    @Test
    void runsAsTheImagesUserOnAReadOnlyRootWithCachesOnTheTmpVolume() throws Exception {
        String user = Files.readAllLines(ItPaths.root().resolve("demo-app/Dockerfile")).stream()
            .filter(line -> line.startsWith("USER ")).findFirst().orElseThrow().substring(5);
        assertThat(deployment.text(POD + ".securityContext.runAsUser") + ":"
                + deployment.text(POD + ".securityContext.runAsGroup")).isEqualTo(user);
        assertThat(deployment.at(POD + ".securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(deployment.at(CONTAINER + ".securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        String tmp = deployment.text(CONTAINER + ".volumeMounts.0.mountPath");
        assertThat(deployment.text(CONTAINER + ".volumeMounts.0.name")).isEqualTo(deployment.text(POD + ".volumes.0.name"));
        assertThat(environment.get("GATEWAY_PYTHON_RESOURCECACHEDIR")).startsWith(tmp + "/");
        assertThat(environment.get("XDG_CACHE_HOME")).startsWith(tmp + "/");
    }

    @Test
    void believesForwardedHeadersOnlyFromTheIngressAndNotThroughSpringBootsOwnStrategy() {
        assertThat(environment.get("GATEWAY_PROXY_TRUSTED")).isNotBlank();
        assertThat(environment).containsEntry("SERVER_FORWARDHEADERSSTRATEGY", "none");
    }

    private String probe(String probe) {
        return deployment.text(CONTAINER + "." + probe + ".httpGet.port") + " "
                + deployment.text(CONTAINER + "." + probe + ".httpGet.path");
    }

    private List<Object> containerPortNames() {
        return ((List<?>) deployment.at(CONTAINER + ".ports")).stream().map(port -> ((Map<?, ?>) port).get("name"))
            .map(Object.class::cast).toList();
    }

    private int containerPort(String name) {
        return ((List<?>) deployment.at(CONTAINER + ".ports")).stream().map(Map.class::cast)
            .filter(port -> name.equals(port.get("name"))).map(port -> (Integer) port.get("containerPort"))
            .findFirst().orElseThrow();
    }

    private static String kind(String file) {
        Manifest manifest = Manifest.of(file);
        return manifest.text("apiVersion") + " " + manifest.text("kind");
    }
}
