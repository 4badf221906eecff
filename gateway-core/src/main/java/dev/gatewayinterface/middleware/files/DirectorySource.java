package dev.gatewayinterface.middleware.files;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Find files below a folder, comparing real paths so that no symbolic link leads out of it.
 */
final class DirectorySource implements FileSource {

    private final Path root;

    DirectorySource(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("A static file folder must exist and be a folder, not \"" + root + "\"");
        }
        this.root = root.toRealPath();
    }

    @Override
    public StaticFile find(String relativePath) throws IOException {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path real;
        try {
            real = file.toRealPath();
        }
        catch (NoSuchFileException ex) {
            // A dangling link, or a file deleted meanwhile: nothing to serve.
            return null;
        }
        if (!real.startsWith(root)) {
            throw new SecurityException("static file \"" + relativePath + "\" leads out of " + root + " to " + real);
        }
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            return null;
        }
        return new StaticFile(real.getFileName().toString(), attributes.size(),
                attributes.lastModifiedTime().toMillis(), () -> new FileInputStream(real.toFile()));
    }

    @Override
    public String toString() {
        return "directory " + root;
    }
}
