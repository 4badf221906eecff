package dev.gatewayinterface.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Set;

/**
 * Find and check the directory of compiled Python files. Python runs a {@code .pyc} instead of its source when
 * the size and time recorded in it match, so whoever can write there can run code in the application: the
 * directory must belong to the user running the JVM and be writable by nobody else.
 */
final class PycacheDirectory {

    /** The setting that names the directory, for messages. */
    static final String PROPERTY = "gateway.python.pycache-dir";

    private PycacheDirectory() {
    }

    /**
     * Return the default directory: {@code gateway-python/pycache} below the user's cache directory,
     * {@code $XDG_CACHE_HOME} or else {@code ~/.cache}.
     * @return the directory, which may not exist yet
     */
    static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("gateway-python").resolve("pycache");
    }

    /**
     * Create the directory, owner-only, if it is missing, and check an existing one is private.
     * @param directory the directory
     * @return its absolute path
     * @throws PycacheDirectoryException if it belongs to another user, others may write to it, or it cannot be
     *     created
     */
    static Path prepare(Path directory) {
        try {
            return prepare(directory, currentUser());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot tell who runs this JVM, to check the .pyc cache directory "
                    + directory + " (" + PROPERTY + ")", ex);
        }
    }

    private static UserPrincipal currentUser() throws IOException {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        }
        catch (UserPrincipalNotFoundException ex) {
            // A user without a name, as containers run with a random uid: the owner of a new file is who runs this.
            Path probe = Files.createTempFile("gateway-python-", ".owner");
            try {
                return Files.getOwner(probe);
            }
            finally {
                Files.deleteIfExists(probe);
            }
        }
    }

    /** Check as {@link #prepare(Path)} does, against the given owner. */
    static Path prepare(Path directory, UserPrincipal user) {
        Path absolute = directory.toAbsolutePath();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(absolute.getParent());
                if (posix) {
                    Files.createDirectory(absolute,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                else {
                    Files.createDirectory(absolute);
                }
                return absolute;
            }
            if (!Files.isDirectory(absolute)) {
                throw new PycacheDirectoryException(absolute, "The .pyc cache " + absolute + " is not a directory.",
                        "Set " + PROPERTY + " to a directory only this user can write.", null);
            }
            if (posix) {
                check(absolute, user);
            }
            return absolute;
        }
        catch (IOException ex) {
            throw new PycacheDirectoryException(absolute, "Cannot create the .pyc cache directory " + absolute + ": "
                    + ex + ".", "Set " + PROPERTY + " to a directory this user can create, or create it owner-only.",
                    ex);
        }
    }

    private static void check(Path directory, UserPrincipal user) throws IOException {
        PosixFileAttributes attributes = Files.getFileAttributeView(directory, PosixFileAttributeView.class)
            .readAttributes();
        if (!attributes.owner().equals(user)) {
            throw new PycacheDirectoryException(directory, "The .pyc cache directory " + directory + " belongs to "
                    + attributes.owner().getName() + ", not to " + user.getName() + ", who runs this JVM: its .pyc "
                    + "files could run instead of the application's code.", "Set " + PROPERTY
                    + " to a directory of this user's, or remove it to have it created.", null);
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new PycacheDirectoryException(directory, "The .pyc cache directory " + directory + " can be "
                    + "written by others (" + PosixFilePermissions.toString(permissions) + "): their .pyc files could "
                    + "run instead of the application's code.", "Set " + PROPERTY + " to a directory only this user "
                    + "can write, or chmod go-w it.", null);
        }
    }
}
