package dev.gatewayinterface.testsupport;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.test.conformance.ConformanceApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Declare what the conformance, limit and timeout tests of every stack serve, without Spring Security, whose
 * firewall would answer some cases before the gateway does: gateway-test's conformance application at /conformance
 * with the default limits, another at /small whose body limit is 1 KiB, and an {@link UploadProbe} at /upload, with
 * the same limit (conformance-applications.properties).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:dev/gatewayinterface/testsupport/conformance-applications.properties")
public class ConformanceTestApplications {

    @Bean
    Application conformance() {
        return new ConformanceApplication();
    }

    @Bean
    Application small() {
        return new ConformanceApplication();
    }

    @Bean
    UploadProbe upload() {
        return new UploadProbe();
    }
}
