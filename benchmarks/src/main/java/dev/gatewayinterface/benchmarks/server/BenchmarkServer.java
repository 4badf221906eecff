package dev.gatewayinterface.benchmarks.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serve one candidate of benchmarks/run.sh: the Spring profile picks what answers {@code /hello} and {@code /echo}
 * (a gateway mount, a plain controller, a plain servlet, a plain handler function, or Flask through gateway-python)
 * and {@code spring.main.web-application-type} the stack, so that every Java candidate is the same jar, Boot and
 * server version (docs/PERFORMANCE.md).
 */
@SpringBootApplication
public class BenchmarkServer {

    /**
     * Start the server.
     * @param args Spring Boot arguments, such as {@code --spring.profiles.active=mount --server.port=8080}
     */
    public static void main(String[] args) {
        SpringApplication.run(BenchmarkServer.class, args);
    }
}
