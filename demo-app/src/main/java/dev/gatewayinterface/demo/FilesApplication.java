package dev.gatewayinterface.demo;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Serve the files of one folder through {@code wsgi.file_wrapper}, so the server may send them without
 * copying them through the heap. {@code PATH_INFO} names the file; nothing outside the folder is served, not
 * even through a symbolic link inside it.
 */
final class FilesApplication implements Application {

    private final Path root;

    private final Path realRoot;

    FilesApplication(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The files folder " + root + " cannot be read", ex);
        }
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws IOException {
        Path file = resolve((String) environ.get(Environ.PATH_INFO));
        if (file == null) {
            byte[] body = "404 Not Found\n".getBytes(StandardCharsets.US_ASCII);
            startResponse.start("404 Not Found", List.of(new Header("Content-Type", "text/plain"),
                    new Header("Content-Length", Integer.toString(body.length))));
            return List.of(body);
        }
        String type = URLConnection.guessContentTypeFromName(file.getFileName().toString());
        startResponse.start("200 OK", List.of(new Header("Content-Type", type != null ? type : "application/octet-stream"),
                new Header("Content-Length", Long.toString(Files.size(file)))));
        FileWrapper wrapper = (FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER);
        return wrapper.wrap(new FileInputStream(file.toFile()));
    }

    /**
     * Return the regular file PATH_INFO names inside the root, following links only as far as they stay inside
     * it (the real paths are compared), or {@code null}: for a path outside the root, a missing file, a folder,
     * and a name the file system refuses (a NUL byte, say), all answered 404 alike.
     */
    private Path resolve(String pathInfo) {
        try {
            Path file = root.resolve(pathInfo.isEmpty() ? "" : pathInfo.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return null;
            }
            Path real = file.toRealPath();
            return real.startsWith(realRoot) ? real : null;
        }
        catch (InvalidPathException | IOException ex) {
            return null;
        }
    }

    /** Create a folder holding one sample file, for running the demo without configuration. */
    static Path sampleFolder() {
        try {
            Path folder = Files.createTempDirectory("gateway-demo-files");
            Files.writeString(folder.resolve("hello.txt"), "Hello from a file, sent by wsgi.file_wrapper.\n");
            folder.toFile().deleteOnExit();
            folder.resolve("hello.txt").toFile().deleteOnExit();
            return folder;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the demo's sample folder", ex);
        }
    }
}
