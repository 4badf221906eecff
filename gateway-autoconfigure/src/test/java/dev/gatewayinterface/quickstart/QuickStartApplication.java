package dev.gatewayinterface.quickstart;

// The README's quick start, word for word: DocumentationSnippetsTests keeps the two identical.

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class QuickStartApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuickStartApplication.class, args);
    }

    @Bean
    Application hello() {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("Hello, World!\n".getBytes(StandardCharsets.US_ASCII));
        };
    }
}
