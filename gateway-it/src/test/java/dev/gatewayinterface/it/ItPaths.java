package dev.gatewayinterface.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locate the files the deployment tests use where they live in the repository, so that the tests run exactly the
 * configurations docs/DEPLOYMENT.md shows.
 */
final class ItPaths {

    private ItPaths() {
    }

    /** Return the repository's root. */
    static Path root() {
        Path root = Path.of(System.getProperty("gateway-it.root", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("docs/deploy"))) {
            throw new IllegalStateException("No docs/deploy below " + root + ": run the tests from gateway-it");
        }
        return root;
    }

    /** Return gateway-it's own folder. */
    static Path module() {
        return root().resolve("gateway-it");
    }

    /** Return a file of docs/deploy. */
    static Path deploy(String file) {
        return root().resolve("docs/deploy").resolve(file);
    }
}
