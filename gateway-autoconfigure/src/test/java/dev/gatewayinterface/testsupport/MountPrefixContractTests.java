package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Check over real HTTP that SCRIPT_NAME is the prefix the stack serves below, then the mount path, each as sent,
 * and PATH_INFO the rest (docs/SPEC.md §3.2). Each stack has its own kind of prefix, set by its own properties, so
 * a subclass starts an application of its own, which imports {@link PathsMount} and mounts {@code paths} at
 * {@code /legacy/app}, and names the prefix.
 */
public abstract class MountPrefixContractTests extends ServerTests {

    private final String prefix;

    /**
     * Name the prefix the subclass configured.
     * @param prefix the part of every target that the stack serves below, starting with a slash
     */
    protected MountPrefixContractTests(String prefix) {
        this.prefix = prefix;
    }

    @Test
    void putsTheStacksPrefixAndTheMountPathIntoScriptName() throws Exception {
        assertThat(okBodyOf(prefix + "/legacy/app/caf%C3%A9/x?q=1"))
            .isEqualTo("paths: SCRIPT_NAME=" + prefix + "/legacy/app PATH_INFO=/caf\u00c3\u00a9/x QUERY_STRING=q=1");
    }

    @Test
    void givesAnEmptyPathInfoForTheMountItself() throws Exception {
        assertThat(okBodyOf(prefix + "/legacy/app"))
            .isEqualTo("paths: SCRIPT_NAME=" + prefix + "/legacy/app PATH_INFO= QUERY_STRING=");
    }

    /** Declare the application {@code paths}, which answers with the split of the target it was given. */
    @Configuration(proxyBeanMethods = false)
    public static class PathsMount {

        @Bean
        Application paths() {
            return PathsApplication.named("paths");
        }
    }
}
