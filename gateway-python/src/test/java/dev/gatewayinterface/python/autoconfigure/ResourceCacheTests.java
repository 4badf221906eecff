package dev.gatewayinterface.python.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Check that gateway.python.resource-cache-dir points Truffle's resource cache where GraalPy unpacks its home,
 * without overriding a value set on the command line.
 */
class ResourceCacheTests {

    private final String before = System.getProperty(GatewayPythonAutoConfiguration.RESOURCE_CACHE);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(GatewayPythonAutoConfiguration.RESOURCE_CACHE);
        }
        else {
            System.setProperty(GatewayPythonAutoConfiguration.RESOURCE_CACHE, before);
        }
    }

    @Test
    void pointsTrufflesResourceCacheAtTheConfiguredDirectory() {
        System.clearProperty(GatewayPythonAutoConfiguration.RESOURCE_CACHE);
        GatewayPythonAutoConfiguration.useResourceCache(Path.of("target/graalpy-home"));
        assertThat(System.getProperty(GatewayPythonAutoConfiguration.RESOURCE_CACHE))
            .isEqualTo(Path.of("target/graalpy-home").toAbsolutePath().toString());
    }

    @Test
    void keepsAValueSetOnTheCommandLineAndChangesNothingWhenUnset() {
        System.setProperty(GatewayPythonAutoConfiguration.RESOURCE_CACHE, "/from/the/command/line");
        GatewayPythonAutoConfiguration.useResourceCache(Path.of("target/graalpy-home"));
        GatewayPythonAutoConfiguration.useResourceCache(null);
        assertThat(System.getProperty(GatewayPythonAutoConfiguration.RESOURCE_CACHE)).isEqualTo("/from/the/command/line");
    }
}
