package dev.gatewayinterface.tckguide;

import dev.gatewayinterface.test.tck.TckDispatcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Serve the conformance suite's dispatcher as a user's own application would, for the example of docs/TESTING.md.
 */
@SpringBootApplication
public class TckGuideApplication {

    @Bean
    TckDispatcher tck() {
        return new TckDispatcher();
    }
}
