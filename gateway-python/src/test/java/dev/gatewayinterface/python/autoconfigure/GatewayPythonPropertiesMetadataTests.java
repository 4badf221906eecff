package dev.gatewayinterface.python.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Check that the configuration processors ran, whatever the JDK: IDEs complete {@code gateway.python.*} properties
 * from this metadata, with the field Javadoc as description.
 */
class GatewayPythonPropertiesMetadataTests {

    @Test
    void describesThePythonPropertiesInTheGeneratedMetadata() throws Exception {
        assertThat(read("/META-INF/spring-configuration-metadata.json"))
            .contains("\"name\": \"gateway.python.apps\"")
            .contains("Python WSGI applications to mount, keyed by name.")
            .contains("\"name\": \"gateway.python.pycache-dir\"");
    }

    @Test
    void listsTheAutoConfigurationConditionsInTheGeneratedMetadata() throws Exception {
        assertThat(read("/META-INF/spring-autoconfigure-metadata.properties"))
            .contains("GatewayPythonAutoConfiguration.ConditionalOnClass=");
    }

    private String read(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
