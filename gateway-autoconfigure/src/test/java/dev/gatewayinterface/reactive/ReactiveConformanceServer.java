package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.ConformanceTestApplications;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Serve the conformance, limit and timeout applications on Reactor Netty; the tests leave Spring Security out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ConformanceTestApplications.class)
class ReactiveConformanceServer {
}
