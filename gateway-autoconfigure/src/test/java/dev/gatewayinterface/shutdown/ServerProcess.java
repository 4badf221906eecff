package dev.gatewayinterface.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.testsupport.WithoutSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run {@link ShutdownTestApplication} in a JVM of its own, from this JVM's class path, on a random port that its
 * port file gives, so that a test can end it the way an orchestrator does: with {@code SIGTERM}.
 */
final class ServerProcess implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(ServerProcess.class);

    /** The exit code of a JVM that {@code SIGTERM} ended through its shutdown hooks: 128 + 15. */
    static final int SIGTERM_EXIT_CODE = 143;

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);

    private final Process process;

    private final Path directory;

    private final int port;

    private ServerProcess(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Start the application and wait until it listens.
     * @param directory where the evidence, the gate, the port file and the output go
     * @param arguments Spring Boot command-line arguments, such as {@code --server.shutdown=graceful}
     * @return the running process
     * @throws IOException if the JVM cannot start
     */
    static ServerProcess start(Path directory, String... arguments) throws IOException {
        Path portFile = directory.resolve("application.port");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-DPORTFILE=" + portFile, ShutdownTestApplication.class.getName(), "--server.port=0",
                "--shutdown-test.dir=" + directory, "--" + WithoutSecurity.EXCLUDED));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(directory.resolve("output.log").toFile())
            .start();
        try {
            await().atMost(STARTUP_LIMIT).pollInterval(Duration.ofMillis(50))
                .until(() -> !process.isAlive() || readPort(portFile) > 0);
        }
        catch (RuntimeException ex) {
            process.destroyForcibly();
            throw ex;
        }
        assertThat(process.isAlive()).as("the server process is up; its output:%n%s", output(directory)).isTrue();
        return new ServerProcess(process, directory, readPort(portFile));
    }

    private static int readPort(Path portFile) throws IOException {
        if (!Files.exists(portFile)) {
            return 0;
        }
        String text = Files.readString(portFile, StandardCharsets.US_ASCII).trim();
        // The file may be seen created but not yet written.
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    int port() {
        return port;
    }

    /** Send {@code SIGTERM}: {@link Process#destroy()} sends it on Linux, as {@code kill} and Kubernetes do. */
    void terminate() {
        process.destroy();
    }

    /** Wait until the server refuses new connections: its listening socket is closed. */
    void awaitRefusingConnections() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(this::refusesConnections);
    }

    private boolean refusesConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            return false;
        }
        catch (ConnectException ex) {
            return true;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Let the slow application produce its last chunk. */
    void openGate() throws IOException {
        Files.createFile(directory.resolve(ShutdownTestApplication.GATE_FILE));
    }

    /** Wait until the evidence holds each line. */
    void awaitEvidence(String... lines) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
            .until(() -> evidence().containsAll(List.of(lines)));
    }

    /** Return what the applications wrote, a line per event. */
    List<String> evidence() throws IOException {
        Path file = directory.resolve(ShutdownTestApplication.EVIDENCE_FILE);
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.US_ASCII) : List.of();
    }

    /**
     * Wait for the process to end.
     * @param limit the longest wait
     * @return its exit code
     */
    int awaitExit(Duration limit) throws InterruptedException {
        assertThat(process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS))
            .as("the server process ended within %s; its output:%n%s", limit, output(directory)).isTrue();
        return process.exitValue();
    }

    /** Return what the process printed. */
    String output() {
        return output(directory);
    }

    private static String output(Path directory) {
        try {
            return Files.readString(directory.resolve("output.log"), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            return "(no output: " + ex + ")";
        }
    }

    @Override
    public void close() {
        // A test that failed before the process ended must not leave it running.
        process.destroyForcibly();
        // The test's own output (a surefire report) then shows what the server logged, for a failure's diagnosis.
        LOGGER.info("Output of the server process:{}{}", System.lineSeparator(), output());
    }
}
