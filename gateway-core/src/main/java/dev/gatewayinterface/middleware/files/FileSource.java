package dev.gatewayinterface.middleware.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Find the files {@link StaticFiles} serves: below a folder of the file system, or below a prefix of the class
 * path. A source is given relative paths that {@link StaticFiles} already checked: segments of text, none empty,
 * {@code .} or {@code ..}, without {@code \}, {@code :} or NUL.
 */
public interface FileSource {

    /**
     * Return the file at a relative path, or {@code null} when there is none (a folder is none).
     * @param relativePath segments joined by {@code /}, such as {@code css/site.css}
     * @return the file, or {@code null}
     * @throws IOException if the source cannot be read
     * @throws SecurityException if the path leads out of the source, such as through a symbolic link
     */
    StaticFile find(String relativePath) throws IOException;

    /**
     * Serve the regular files below a folder. A file reached through a symbolic link is served only if its real
     * path is below the folder's real path too.
     * @param root the folder
     * @return the source
     * @throws IOException if the folder does not exist
     */
    static FileSource directory(Path root) throws IOException {
        return new DirectorySource(root);
    }

    /**
     * Serve the resources below a prefix of the class path, such as {@code static/} in a jar.
     * @param classLoader the class loader to ask
     * @param prefix the resource prefix, such as {@code "static"}
     * @return the source
     */
    static FileSource classPath(ClassLoader classLoader, String prefix) {
        return new ClassPathSource(classLoader, prefix);
    }

    /**
     * Describe one file a source found.
     *
     * @param name its file name, which gives its content type
     * @param size its length in bytes
     * @param lastModified when it last changed, in milliseconds since the epoch, or {@code 0} if unknown
     * @param opener opens it for reading from its start
     */
    record StaticFile(String name, long size, long lastModified, Opener opener) {

        /**
         * Open the file. A file of the file system comes as a {@code FileInputStream}, which the server can send
         * without copying (docs/SPEC.md §8).
         * @return a stream at the start of the file
         * @throws IOException if it cannot be opened
         */
        public InputStream open() throws IOException {
            return opener.open();
        }
    }

    /** Open a file's bytes. */
    @FunctionalInterface
    interface Opener {

        /**
         * Open the stream.
         * @return the stream
         * @throws IOException if it cannot be opened
         */
        InputStream open() throws IOException;
    }
}
