package dev.gatewayinterface.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Check how a binding sends bodies made by {@code wsgi.file_wrapper}, from real files and other streams:
 * docs/SPEC.md §8.
 */
final class FileWrapperScenarios {

    private static final String CONTENT = "0123456789abcdefghij";

    private FileWrapperScenarios() {
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("§8", "sends a real file from its current position, with the length left", tck -> {
                    TckResponse response = sendFromFifthByte(tck, Apps.plain(), "", probe -> probe.file(tempFile()));
                    assertThat(response.text()).isEqualTo("456789abcdefghij");
                    assertThat(response.header("Content-Length")).isEqualTo("16");
                }),
                new Scenario("§8", "counts write() bytes against the declared Content-Length of a real file", tck -> {
                    TckResponse response = sendFromFifthByte(tck, lengthOf(10), "head:",
                            probe -> probe.file(tempFile()));
                    assertThat(response.text()).isEqualTo("head:45678");
                }),
                new Scenario("§8", "iterates another stream in blocks from its current position", tck -> {
                    TckResponse response = sendFromFifthByte(tck, Apps.plain(), "",
                            probe -> probe.stream(Apps.bytes(CONTENT)));
                    assertThat(response.text()).isEqualTo("456789abcdefghij");
                }),
                new Scenario("§8", "sends at most the declared Content-Length of another stream", tck -> {
                    TckResponse response = sendFromFifthByte(tck, lengthOf(5), "",
                            probe -> probe.stream(Apps.bytes(CONTENT)));
                    assertThat(response.text()).isEqualTo("45678");
                }));
    }

    /**
     * Serve a stream of {@link #CONTENT} through {@code wsgi.file_wrapper} in 3-byte blocks, moved past its
     * first four bytes and after writing {@code written}; check that the response was complete and that the
     * server closed the stream.
     */
    private static TckResponse sendFromFifthByte(TckContext tck, List<Header> headers, String written, Opener opener)
            throws Exception {
        Probe probe = new Probe();
        // As is: under the validator the engine must iterate the file to count its bytes, never handing it
        // to the binding, which is the path these scenarios are about.
        TckResponse response = tck.sendAsIs((environ, start) -> {
            start.start("200 OK", headers).write(Apps.bytes(written));
            InputStream stream = opener.open(probe);
            stream.skipNBytes(4);
            return ((FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER)).wrap(stream, 3);
        }, TckRequest.get("/"));
        assertThat(response.complete()).as("complete").isTrue();
        assertThat(probe.awaitCloses()).as("stream closed").isEqualTo(1);
        return response;
    }

    private static Path tempFile() throws IOException {
        Path path = Files.createTempFile("gateway-tck-", ".txt");
        path.toFile().deleteOnExit();
        return Files.write(path, Apps.bytes(CONTENT));
    }

    private static List<Header> lengthOf(int length) {
        return List.of(new Header("Content-Type", "text/plain"),
                new Header("Content-Length", Integer.toString(length)));
    }

    /** Open the stream a scenario wraps, reporting its close to the probe. */
    @FunctionalInterface
    private interface Opener {

        InputStream open(Probe probe) throws IOException;
    }
}
