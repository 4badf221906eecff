package dev.gatewayinterface.shutdown;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.test.tck.ClosingBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * Serve three applications that stay in flight as long as the test wants, in a process of its own that the test
 * ends with a signal: a slow one, a long download and a long upload. Each writes what it did to the evidence file
 * ({@code called <name>}, {@code closed <name>}), which outlives the process. {@link ServerProcess} starts it
 * without Spring Security, whose checks are not under test.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@PropertySource("classpath:dev/gatewayinterface/shutdown/shutdown-test.properties")
public class ShutdownTestApplication {

    /** The size of the download: far more than the sockets' buffers hold, so that its writes wait for the client. */
    static final int DOWNLOAD_SIZE = 32 * 1024 * 1024;

    static final int DOWNLOAD_CHUNK = 64 * 1024;

    /** The file, in the test's directory, that the applications write their evidence to. */
    static final String EVIDENCE_FILE = "evidence.txt";

    /** The file whose creation lets the slow application finish. */
    static final String GATE_FILE = "gate";

    /** The longest an application waits for the test's gate, so that a broken test cannot leave a process behind. */
    private static final long GATE_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(2);

    /**
     * Start the server; the port it listens on goes to the file the {@code PORTFILE} system property names.
     * @param args Spring Boot command-line arguments
     */
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ShutdownTestApplication.class);
        application.addListeners(new WebServerPortFileWriter());
        application.run(args);
    }

    @Bean
    Evidence evidence(@Value("${shutdown-test.dir}") Path directory) {
        return new Evidence(directory);
    }

    /** Send a first chunk at once, and the second only once the test created the gate file. */
    @Bean
    Application slow(Evidence evidence) {
        return (environ, startResponse) -> {
            evidence.record("called slow");
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return new ClosingBody(2, index -> {
                if (index == 1) {
                    evidence.awaitGate(GATE_LIMIT_NANOS);
                }
                return ("chunk " + index + "\n").getBytes(StandardCharsets.US_ASCII);
            }, () -> evidence.record("closed slow"));
        };
    }

    /** Send {@value #DOWNLOAD_SIZE} bytes, byte {@code i} being {@code i % 251}, with their Content-Length. */
    @Bean
    Application download(Evidence evidence) {
        return (environ, startResponse) -> {
            evidence.record("called download");
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream"),
                    new Header("Content-Length", Integer.toString(DOWNLOAD_SIZE))));
            return new ClosingBody(DOWNLOAD_SIZE / DOWNLOAD_CHUNK, ShutdownTestApplication::downloadChunk,
                    () -> evidence.record("closed download"));
        };
    }

    static byte[] downloadChunk(int index) {
        byte[] chunk = new byte[DOWNLOAD_CHUNK];
        long start = (long) index * DOWNLOAD_CHUNK;
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) ((start + i) % 251);
        }
        return chunk;
    }

    /** Read the whole upload while producing the body, as a generator would, and answer how many bytes came. */
    @Bean
    Application upload(Evidence evidence) {
        return (environ, startResponse) -> {
            evidence.record("called upload");
            Input input = (Input) environ.get(Environ.WSGI_INPUT);
            return new ClosingBody(1, index -> {
                long received = 0;
                try {
                    for (byte[] block = input.read(65536); block.length > 0; block = input.read(65536)) {
                        received += block.length;
                    }
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
                return ("received " + received + "\n").getBytes(StandardCharsets.US_ASCII);
            }, () -> evidence.record("closed upload"));
        };
    }

    /** Write what the applications did to a file, and read the test's gate from another. */
    static final class Evidence {

        private final Path log;

        private final Path gate;

        Evidence(Path directory) {
            this.log = directory.resolve(EVIDENCE_FILE);
            this.gate = directory.resolve(GATE_FILE);
        }

        synchronized void record(String line) {
            try {
                Files.writeString(log, line + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** Wait until the gate file exists; an interrupt or the limit ends the wait with an exception. */
        void awaitGate(long limitNanos) {
            long deadline = System.nanoTime() + limitNanos;
            try {
                while (!Files.exists(gate)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the test never created " + gate);
                    }
                    // A file has no latch: polling it is the application's way to wait for another process.
                    Thread.sleep(10);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + gate, ex);
            }
        }
    }
}
