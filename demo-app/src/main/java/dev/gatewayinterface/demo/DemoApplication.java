package dev.gatewayinterface.demo;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.middleware.auth.CredentialCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Serve a handful of gateway applications, each at its own mount (see application.properties).
 */
@SpringBootApplication
public class DemoApplication {

    /**
     * Start the demo.
     * @param args Spring Boot arguments, such as {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }

    @Bean
    Application hello() {
        // The README's quick start, as it stands: the server sets Content-Length from the one-chunk list and
        // drops the body for HEAD.
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of("Hello, World!\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    @Bean
    Application echo() {
        return new EchoApplication();
    }

    @Bean
    Application stream() {
        return new StreamApplication();
    }

    @Bean
    Application files(@Value("${demo.files.root:}") String root) {
        return new FilesApplication(root.isEmpty() ? FilesApplication.sampleFolder() : Path.of(root));
    }

    @Bean
    Application write() {
        return new WriteApplication();
    }

    @Bean
    Application boom() {
        return new BoomApplication();
    }

    @Bean
    Application notes(@Value("${demo.notes.password:lovelace}") String password) {
        // A demo's password: set --demo.notes.password, and plug a real store into CredentialCheck for anything else.
        return NotesApplication.create(CredentialCheck.of(Map.of("ada", password)));
    }
}
