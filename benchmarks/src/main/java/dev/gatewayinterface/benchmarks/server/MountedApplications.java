package dev.gatewayinterface.benchmarks.server;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Mount {@code hello} and {@code echo} as gateway applications (profile {@code mount}, application-mount.properties),
 * written as an application author would: status, a content type, the body as one chunk, whose length the server
 * sends as {@code Content-Length}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("mount")
class MountedApplications {

    private static final List<Header> TEXT = List.of(new Header("Content-Type", Payloads.TEXT_PLAIN));

    @Bean
    Application hello() {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", TEXT);
            return List.of(Payloads.HELLO);
        };
    }

    @Bean
    Application echo() {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", TEXT);
            return List.of(Payloads.echo((String) environ.get(Environ.QUERY_STRING)));
        };
    }
}
