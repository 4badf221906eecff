package dev.gatewayinterface.benchmarks.server;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Mount {@code /sleep} (profile {@code blocking}): each request blocks its thread for 50 ms, as an application waiting
 * on a database would, so the harness measures how many requests the threading model keeps in flight.
 */
@Configuration(proxyBeanMethods = false)
@Profile("blocking")
class BlockingApplication {

    /** How long each request blocks: the harness's ideal throughput is connections / this. */
    static final long SLEEP_MILLIS = 50;

    @Bean
    Application sleep() {
        return (environ, startResponse) -> {
            Thread.sleep(SLEEP_MILLIS);
            startResponse.start("200 OK", List.of(new Header("Content-Type", Payloads.TEXT_PLAIN)));
            return List.of(Payloads.HELLO);
        };
    }
}
