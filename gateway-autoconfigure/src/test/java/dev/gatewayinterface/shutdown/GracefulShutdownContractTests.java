package dev.gatewayinterface.shutdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewayinterface.testsupport.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check what a stack does with requests in flight when its process gets {@code SIGTERM} under
 * {@code server.shutdown=graceful}: a slow application, a long download and a long upload either finish whole
 * within {@code spring.lifecycle.timeout-per-shutdown-phase} or are aborted after it, new connections are refused
 * as soon as shutdown began, every body is closed, and the process ends in bounded time with the signal's exit
 * code. Each test runs the server in a process of its own.
 */
abstract class GracefulShutdownContractTests {

    /** The upload's size; the client sends the first part before the signal and the rest after it. */
    private static final int UPLOAD_SIZE = 8 * 1024 * 1024;

    private static final int UPLOAD_FIRST_PART = 1024 * 1024;

    @TempDir
    Path directory;

    /** Return the {@code spring.main.web-application-type} of the stack under test. */
    protected abstract String webApplicationType();

    @Test
    void finishesRequestsInFlightAndRefusesNewConnections() throws Exception {
        try (ServerProcess server = start("30s")) {
            InFlight inFlight = InFlight.begin(server);
            server.terminate();
            server.awaitRefusingConnections();

            server.openGate();
            inFlight.upload.send(new byte[UPLOAD_SIZE - UPLOAD_FIRST_PART]);
            assertThat(inFlight.upload.readResponse().text()).isEqualTo("received " + UPLOAD_SIZE + "\n");
            assertThat(inFlight.slow.readChunk()).asString().isEqualTo("chunk 1\n");
            assertThat(inFlight.slow.readChunk()).isNull();
            assertThat(inFlight.downloadRest()).isEqualTo(ShutdownTestApplication.DOWNLOAD_SIZE);

            assertThat(server.awaitExit(Duration.ofSeconds(60))).isEqualTo(ServerProcess.SIGTERM_EXIT_CODE);
            assertThat(server.evidence()).containsOnlyOnce("closed slow", "closed download", "closed upload");
            assertThat(server.output()).doesNotContain("Aborting");
            inFlight.close();
        }
    }

    @ParameterizedTest(name = "on {0} threads")
    @ValueSource(strings = { "platform", "virtual" })
    void abortsRequestsStillInFlightAfterThePhaseTimeoutAndClosesTheirBodies(String threads) throws Exception {
        try (ServerProcess server = start("2s", "--spring.threads.virtual.enabled=" + threads.equals("virtual"))) {
            InFlight inFlight = InFlight.begin(server);
            server.terminate();
            server.awaitRefusingConnections();

            // Nothing lets the requests go on: after the phase timeout each connection is cut short, not left open.
            assertThatThrownBy(inFlight.slow::readChunk).isInstanceOf(IOException.class)
                .isNotInstanceOf(SocketTimeoutException.class);
            assertThat(inFlight.downloadRest()).isLessThan(ShutdownTestApplication.DOWNLOAD_SIZE);
            assertThatThrownBy(inFlight.upload::readResponse).isInstanceOf(IOException.class)
                .isNotInstanceOf(SocketTimeoutException.class);

            // The phase's 2 seconds, the abort, and the JVM's exit: no wait of its own on the way.
            assertThat(server.awaitExit(Duration.ofSeconds(25))).isEqualTo(ServerProcess.SIGTERM_EXIT_CODE);
            assertThat(server.evidence()).containsOnlyOnce("closed slow", "closed download", "closed upload");
            inFlight.close();
        }
    }

    private ServerProcess start(String phaseTimeout, String... arguments) throws IOException {
        List<String> all = new ArrayList<>(List.of("--spring.main.web-application-type=" + webApplicationType(),
                "--spring.lifecycle.timeout-per-shutdown-phase=" + phaseTimeout));
        all.addAll(List.of(arguments));
        return ServerProcess.start(directory, all.toArray(String[]::new));
    }

    /** The three requests a test leaves in flight when it sends the signal, each on its own connection. */
    private record InFlight(RawHttp slow, Socket download, long[] downloaded, RawHttp upload) {

        /** Start the three and wait until each application was called and its response, if any, began. */
        static InFlight begin(ServerProcess server) throws IOException {
            RawHttp slow = new RawHttp(server.port());
            slow.send("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(slow.readHead().status()).isEqualTo(200);
            assertThat(slow.readChunk()).asString().isEqualTo("chunk 0\n");

            // A small receive buffer, so that the server soon waits for this client to read more.
            Socket download = new Socket();
            download.setReceiveBufferSize(64 * 1024);
            download.setSoTimeout(30_000);
            download.connect(new InetSocketAddress("127.0.0.1", server.port()));
            download.getOutputStream().write("GET /download HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
            long[] downloaded = { skipHead(download.getInputStream()) };

            RawHttp upload = new RawHttp(server.port());
            upload.send("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + UPLOAD_SIZE + "\r\n\r\n");
            upload.send(new byte[UPLOAD_FIRST_PART]);

            server.awaitEvidence("called slow", "called download", "called upload");
            return new InFlight(slow, download, downloaded, upload);
        }

        /** Read the download's body to its end and check each byte; return how many bytes came in all. */
        long downloadRest() throws IOException {
            InputStream in = download.getInputStream();
            byte[] buffer = new byte[65536];
            long total = downloaded[0];
            try {
                for (int n = in.read(buffer); n >= 0 && total < ShutdownTestApplication.DOWNLOAD_SIZE; n = in.read(buffer)) {
                    int wrong = firstWrongByte(buffer, n, total);
                    assertThat(wrong).as("the first wrong byte after %d good ones", total).isEqualTo(-1);
                    total += n;
                }
            }
            catch (SocketTimeoutException ex) {
                throw ex;
            }
            catch (IOException ex) {
                // A reset is how an aborted download may end: what came before it is what counts.
            }
            return total;
        }

        /** Return the index of the first byte that is not the download's byte at its offset, or -1. */
        private static int firstWrongByte(byte[] buffer, int length, long offset) {
            for (int i = 0; i < length; i++) {
                if (buffer[i] != (byte) ((offset + i) % 251)) {
                    return i;
                }
            }
            return -1;
        }

        void close() throws IOException {
            slow.close();
            download.close();
            upload.close();
        }

        /** Read the response head byte by byte, so that no body byte is consumed; return 0 body bytes read. */
        private static long skipHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            StringBuilder head = new StringBuilder();
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the download ended in its head: " + head);
                }
                head.append((char) b);
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 200")
                .containsIgnoringCase("content-length: " + ShutdownTestApplication.DOWNLOAD_SIZE);
            return 0;
        }
    }
}
