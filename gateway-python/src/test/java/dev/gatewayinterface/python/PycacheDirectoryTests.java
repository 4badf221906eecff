package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check that {@link PycacheDirectory} keeps the {@code .pyc} cache private: created owner-only, and refused when
 * another user owns it or others may write to it, since a planted {@code .pyc} would run instead of the source.
 */
class PycacheDirectoryTests {

    @TempDir
    Path directory;

    @Test
    void createsAMissingDirectoryForItsOwnerOnly() throws IOException {
        Path created = PycacheDirectory.prepare(directory.resolve("cache/pycache"));
        assertThat(created).isDirectory().isAbsolute();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rwx------");
    }

    @Test
    void acceptsADirectoryOfItsOwnThatOnlyItsOwnerCanWrite() throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(PycacheDirectory.prepare(directory)).isEqualTo(directory.toAbsolutePath());
    }

    @ParameterizedTest
    @ValueSource(strings = { "rwxrwxr-x", "rwxr-xrwx", "rwxrwxrwx" })
    void refusesADirectoryOthersCanWriteNamingTheProperty(String permissions) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(permissions));
        assertThatIllegalStateException().isThrownBy(() -> PycacheDirectory.prepare(directory))
            .withMessageStartingWith("The .pyc cache directory " + directory + " can be written by others ("
                    + permissions + ")")
            .withMessageContaining("Set gateway.python.pycache-dir to a directory only this user can write");
    }

    @Test
    void refusesADirectoryThatAnotherUserOwns() throws IOException {
        UserPrincipal owner = Files.getOwner(directory);
        UserPrincipal other = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        assertThatIllegalStateException().isThrownBy(() -> PycacheDirectory.prepare(directory, other))
            .withMessageStartingWith("The .pyc cache directory " + directory + " belongs to " + owner.getName()
                    + ", not to nobody, who runs this JVM")
            .withMessageContaining("Set gateway.python.pycache-dir to a directory of this user's");
    }

    @Test
    void recognisesItsOwnerWhenTheUserHasNoName() throws IOException {
        // As in a container whose random uid has no passwd entry: Java then calls the user '?'.
        String name = System.getProperty("user.name");
        System.setProperty("user.name", "?");
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            assertThat(PycacheDirectory.prepare(directory)).isEqualTo(directory.toAbsolutePath());
        }
        finally {
            System.setProperty("user.name", name);
        }
    }

    @Test
    void defaultsToADirectoryBelowTheUsersCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        assertThat(PycacheDirectory.defaultDirectory()).isEqualTo(cache.resolve("gateway-python/pycache"));
    }
}
