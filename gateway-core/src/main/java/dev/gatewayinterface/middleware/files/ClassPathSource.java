package dev.gatewayinterface.middleware.files;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Find resources below a prefix of the class path: files of a folder on it, or entries of a jar.
 */
final class ClassPathSource implements FileSource {

    private final ClassLoader classLoader;

    private final String prefix;

    ClassPathSource(ClassLoader classLoader, String prefix) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader must not be null");
        String trimmed = Objects.requireNonNull(prefix, "prefix must not be null").replaceAll("^/+|/+$", "");
        this.prefix = trimmed.isEmpty() ? "" : trimmed + "/";
    }

    @Override
    public StaticFile find(String relativePath) throws IOException {
        URL url = classLoader.getResource(prefix + relativePath);
        if (url == null) {
            return null;
        }
        if ("file".equals(url.getProtocol())) {
            // A folder on the class path: its files are files, sent without copying.
            try {
                Path file = Path.of(url.toURI());
                return FileSource.directory(file.getParent()).find(file.getFileName().toString());
            }
            catch (URISyntaxException ex) {
                throw new IOException("class path resource " + url + " has no file path", ex);
            }
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar && jar.getJarEntry().isDirectory()) {
            return null;
        }
        long size = connection.getContentLengthLong();
        if (size < 0) {
            return null;
        }
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return new StaticFile(name, size, connection.getLastModified(), connection::getInputStream);
    }

    @Override
    public String toString() {
        return "class path " + prefix;
    }
}
