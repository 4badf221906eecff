package dev.gatewayinterface.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Check that the configuration processor ran, whatever the JDK: IDEs complete {@code gateway.*} properties
 * from this file, with the field Javadoc as description.
 */
class GatewayPropertiesMetadataTests {

    @Test
    void describesEveryGatewayPropertyInTheGeneratedMetadata() throws Exception {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(metadata).contains("\"name\": \"gateway.apps\"")
            .contains("\"name\": \"gateway.environ\"")
            .contains("\"name\": \"gateway.errors\"")
            .contains("How to answer an application's failure before its response started")
            .contains("\"name\": \"gateway.headers.underscores\"")
            .contains("What to do with request headers whose names contain an underscore")
            .contains("\"name\": \"gateway.proxy.trusted\"")
            .contains("Addresses and CIDR blocks of the proxies whose X-Forwarded-* and Forwarded headers")
            .contains("\"name\": \"gateway.servlet.body-replay-limit\"")
            .contains("\"name\": \"gateway.servlet.lazy-multipart\"")
            .contains("\"name\": \"gateway.servlet.encoded-slash\"")
            .contains("\"name\": \"gateway.reactive.max-threads\"")
            .contains("\"name\": \"gateway.reactive.queue-capacity\"")
            .contains("\"name\": \"gateway.reactive.retry-after\"")
            .contains("\"name\": \"gateway.reactive.client-timeout\"")
            .contains("\"name\": \"gateway.reactive.publish-readiness\"")
            .contains("\"name\": \"gateway.limits.max-request-line\"")
            .contains("\"name\": \"gateway.limits.max-header-size\"")
            .contains("\"name\": \"gateway.limits.max-header-count\"")
            .contains("\"name\": \"gateway.limits.max-request-body\"")
            .contains("\"name\": \"gateway.timeouts.request-header\"")
            .contains("\"name\": \"gateway.timeouts.request-body\"")
            .contains("\"name\": \"gateway.timeouts.keep-alive\"")
            .contains("\"name\": \"gateway.timeouts.min-body-rate\"")
            .contains("\"name\": \"gateway.guard.enabled\"")
            .contains("Whether to apply gateway.limits and gateway.timeouts to the whole server")
            .contains("Maximum number of applications running at once")
            .contains("\"name\": \"gateway.uwsgi.enabled\"")
            .contains("\"name\": \"gateway.uwsgi.buffer-size\"")
            .contains("\"name\": \"gateway.uwsgi.max-body-size\"")
            .contains("Whether to serve the mounted applications over the uwsgi protocol too")
            .contains("\"name\": \"management.health.gateway.enabled\"");
    }

    @Test
    void listsTheAutoConfigurationConditionsInTheGeneratedMetadata() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-autoconfigure-metadata.properties")) {
            assertThat(in).as("generated auto-configuration metadata").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1))
                .contains("GatewayWebMvcAutoConfiguration.ConditionalOnWebApplication=SERVLET")
                .contains("GatewayWebFluxAutoConfiguration.ConditionalOnWebApplication=REACTIVE")
                .contains("GatewayUwsgiAutoConfiguration.ConditionalOnWebApplication=");
        }
    }
}
