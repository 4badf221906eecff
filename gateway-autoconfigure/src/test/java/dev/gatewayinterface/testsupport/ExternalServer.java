package dev.gatewayinterface.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Run a server no one here wrote (nginx, uWSGI's HTTP router) as a child process on a free loopback port, for the
 * tests that put it in front of the gateway; its output goes to a file that a failure quotes.
 */
public final class ExternalServer implements AutoCloseable {

    private final Process process;

    private final Path log;

    private final int port;

    private ExternalServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Start a server and wait until it accepts connections on its port.
     * @param binary the program, which .ci/run installs from Debian
     * @param install the Debian package that brings it, for the failure message
     * @param folder where the process runs and logs
     * @param port the port it listens on
     * @param command the whole command line
     * @return the running server
     * @throws IOException if it cannot be started
     */
    public static ExternalServer start(String binary, String install, Path folder, int port, List<String> command)
            throws IOException {
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException(binary + " is missing: these tests put it in front of the gateway; install "
                    + "it with apt-get install " + install + " (.ci/run does)");
        }
        Path log = folder.resolve("output.log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        ExternalServer server = new ExternalServer(process, log, port);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(binary + " exited with " + process.exitValue() + ":\n" + server.output());
                }
                return accepts(port);
            });
        }
        catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
        return server;
    }

    /** Return a port that nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** Return what the process printed so far. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    @Override
    public void close() {
        // uWSGI's master forks its router: stop the whole tree, children first.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
