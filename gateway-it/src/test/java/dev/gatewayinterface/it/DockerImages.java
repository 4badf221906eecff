package dev.gatewayinterface.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Name the images the deployment tests run, building the local ones once: no registry is reachable from the
 * machines this build runs on, so nginx and the JRE come from Debian packages (src/test/docker/base-image.sh), and
 * stay in the Docker daemon under their tag for the next run. An image built by an older version of the script
 * (its {@code dev.gatewayinterface.recipe} label differs) is built again.
 *
 * <p>Where a registry is reachable, ordinary images replace the local ones through system properties:
 * {@code -Dgateway-it.nginx-image=nginx:stable -Dgateway-it.jre-image=eclipse-temurin:17-jre}.
 */
final class DockerImages {

    /** The tag of the nginx built from Debian's nginx-light, which other deployment tests may reuse. */
    static final String LOCAL_NGINX = "gateway-it/nginx:1.22-bookworm";

    /** The tag of the JRE built from Debian's openjdk-17-jre-headless: the demo image's default base. */
    static final String LOCAL_JRE = "gateway-it/jre:17-bookworm";

    private static final Map<String, String> built = new ConcurrentHashMap<>();

    private DockerImages() {
    }

    /** Return the nginx image: the one named by gateway-it.nginx-image, else the local one, built if missing. */
    static String nginx() {
        return configuredOrLocal("gateway-it.nginx-image", "nginx", LOCAL_NGINX);
    }

    /** Return the JRE image: the one named by gateway-it.jre-image, else the local one, built if missing. */
    static String jre() {
        return configuredOrLocal("gateway-it.jre-image", "jre", LOCAL_JRE);
    }

    private static String configuredOrLocal(String property, String kind, String localTag) {
        String configured = System.getProperty(property, "");
        if (!configured.isBlank()) {
            return configured;
        }
        return built.computeIfAbsent(localTag, tag -> buildIfMissing(kind, tag));
    }

    private static synchronized String buildIfMissing(String kind, String tag) {
        DockerClient docker = Docker.client();
        Path script = ItPaths.module().resolve("src/test/docker/base-image.sh");
        String recipe = recipe(script);
        if (recipe.equals(label(docker, tag))) {
            return tag;
        }
        ProcessBuilder build = new ProcessBuilder("bash", script.toString(), kind, tag).redirectErrorStream(true)
            .redirectOutput(ItPaths.module().resolve("target/" + kind + "-image.log").toFile());
        build.environment().put("RECIPE", recipe);
        try {
            Process process = build.start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Could not build the " + kind + " image " + tag + " from Debian packages "
                        + "(see gateway-it/target/" + kind + "-image.log). It needs root, mmdebstrap and a Docker "
                        + "daemon; or name an image instead with -Dgateway-it." + kind + "-image=…");
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not run " + script, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building " + tag, ex);
        }
        return tag;
    }

    /** Return the recipe label of a local image, or {@code null} when there is no such image. */
    private static String label(DockerClient docker, String tag) {
        try {
            Map<String, String> labels = docker.inspectImageCmd(tag).exec().getConfig().getLabels();
            return labels == null ? null : labels.get("dev.gatewayinterface.recipe");
        }
        catch (NotFoundException ex) {
            return null;
        }
    }

    /** Name a version of the build script by its content, so that changing the script rebuilds the images. */
    private static String recipe(Path script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(script));
            return HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (IOException | NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Could not read " + script, ex);
        }
    }
}
