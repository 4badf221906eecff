package dev.gatewayinterface.it;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Build the demo's image from demo-app/Dockerfile, as a user would, on the JRE image of {@link DockerImages}. Docker
 * keeps the layers: with an unchanged jar (the build writes it reproducibly) the build takes seconds, and a changed
 * one rebuilds only what follows it.
 */
final class DemoImage {

    /** The tag the tests give the image. */
    static final String TAG = "gateway-it/demo:latest";

    private DemoImage() {
    }

    static String build() {
        Path jar = ItPaths.root().resolve("demo-app/target/demo-app.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run these tests through Maven, which builds demo-app "
                    + "first (./mvnw -B -pl gateway-it -am verify)");
        }
        String previous = imageId();
        String image = new ImageFromDockerfile(TAG, false)
            .withFileFromPath("Dockerfile", ItPaths.root().resolve("demo-app/Dockerfile"))
            .withFileFromPath("target/demo-app.jar", jar)
            .withBuildArg("JRE_IMAGE", DockerImages.jre())
            .get();
        if (previous != null && !previous.equals(imageId())) {
            removeQuietly(previous);
        }
        return image;
    }

    private static String imageId() {
        try {
            return Docker.client().inspectImageCmd(TAG).exec().getId();
        }
        catch (NotFoundException ex) {
            return null;
        }
    }

    /** Remove the image the tag named before, which nothing names any more, so that images do not pile up. */
    private static void removeQuietly(String id) {
        try {
            Docker.client().removeImageCmd(id).exec();
        }
        catch (DockerException ex) {
            // Still used by a container or another tag: Docker keeps it, and nothing is lost.
        }
    }
}
