package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.testsupport.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check how Reactor Netty sends what {@code wsgi.file_wrapper} wraps: a real file as a file region that never
 * passes through the heap, from the stream's position and no further than the declared length; and through
 * the heap when the response is compressed, which needs the bytes.
 */
class NettyResponseOutputTests {

    private static final int SIZE = 1024 * 1024;

    @TempDir
    Path folder;

    private byte[] content;

    private File file;

    private final List<CountingFileStream> streams = new ArrayList<>();

    @BeforeEach
    void writeFile() throws IOException {
        content = new byte[SIZE];
        new Random(42).nextBytes(content);
        file = Files.write(folder.resolve("data.bin"), content).toFile();
    }

    @Test
    void sendsAFileAsARegionFromTheStreamsPositionUpToTheDeclaredLength() throws Exception {
        try (NettyGatewayServer server = NettyGatewayServer.serve(fileApplication(1000, "500000"));
                RawHttp http = new RawHttp(server.port())) {
            http.send("GET /data.bin HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.header("content-length")).isEqualTo("500000");
            assertThat(http.readExactly(500_000)).isEqualTo(Arrays.copyOfRange(content, 1000, 501_000));
            assertThat(server.adapter().buffered().peak()).as("bytes copied through the heap").isZero();
        }
        assertThat(streams).singleElement().satisfies(stream -> assertThat(stream.bytesRead).hasValue(0));
    }

    @Test
    void sendsTheRestOfTheFileWithItsLengthWhenTheApplicationDeclaresNone() throws Exception {
        try (NettyGatewayServer server = NettyGatewayServer.serve(fileApplication(24, null));
                RawHttp http = new RawHttp(server.port())) {
            http.send("GET /data.bin HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.header("content-length")).isEqualTo(Integer.toString(SIZE - 24));
            assertThat(http.readBody(head)).isEqualTo(Arrays.copyOfRange(content, 24, SIZE));
            // Keep-alive still works: the region ended exactly where the response did.
            http.send("HEAD /data.bin HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(http.readHead().status()).isEqualTo(200);
        }
        assertThat(streams).allSatisfy(stream -> assertThat(stream.bytesRead).hasValue(0));
    }

    @Test
    void sendsAFileThroughTheHeapWhenTheResponseIsCompressed() throws Exception {
        try (NettyGatewayServer server = NettyGatewayServer.serve(fileApplication(0, null), 4,
                Duration.ofSeconds(20), httpServer -> httpServer.compress(true));
                RawHttp http = new RawHttp(server.port())) {
            http.send("GET /data.bin HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n\r\n");
            RawHttp.Head head = http.readHead();
            assertThat(head.header("content-encoding")).isEqualTo("gzip");
            byte[] compressed = http.readBody(head);
            try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                assertThat(gunzip.readAllBytes()).isEqualTo(content);
            }
        }
        assertThat(streams).singleElement().satisfies(stream -> assertThat(stream.bytesRead).hasValue(SIZE));
    }

    @Test
    void sendsTheBytesALastChunkHeldWhenTheApplicationReusesItsArrayAtOnce() throws Exception {
        Application reusing = (environ, startResponse) -> {
            byte[] reused = "Hello, World!".getBytes(StandardCharsets.US_ASCII);
            startResponse.start("200 OK", List.of(new Header("Content-Length", "13")));
            // The iterator asks for more the moment the last chunk is written, and overwrites the array it lent.
            return () -> new Iterator<>() {
                private boolean given;

                @Override
                public boolean hasNext() {
                    if (given) {
                        Arrays.fill(reused, (byte) 'X');
                    }
                    return !given;
                }

                @Override
                public byte[] next() {
                    given = true;
                    return reused;
                }
            };
        };
        try (NettyGatewayServer server = NettyGatewayServer.serve(reusing);
                RawHttp http = new RawHttp(server.port())) {
            for (int i = 0; i < 20; i++) {
                http.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
                RawHttp.Head head = http.readHead();
                assertThat(new String(http.readBody(head), StandardCharsets.US_ASCII)).isEqualTo("Hello, World!");
            }
        }
    }

    /** Serve the file through the file wrapper, skipping some bytes first and declaring a length or none. */
    private Application fileApplication(long skip, String contentLength) {
        return (environ, startResponse) -> {
            CountingFileStream stream = new CountingFileStream(file);
            streams.add(stream);
            stream.skip(skip);
            List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", "application/octet-stream")));
            if (contentLength != null) {
                headers.add(new Header("Content-Length", contentLength));
            }
            startResponse.start("200 OK", headers);
            return ((FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER)).wrap(stream);
        };
    }

    /** Count every byte read from the file through the stream: a file region reads none. */
    private static final class CountingFileStream extends FileInputStream {

        final AtomicLong bytesRead = new AtomicLong();

        /** Calls under way: one read method may call another, and the bytes count once, at the outer call. */
        private int depth;

        CountingFileStream(File file) throws IOException {
            super(file);
        }

        @Override
        public int read() throws IOException {
            int b = counted(super::read);
            bytesRead.addAndGet(depth == 0 && b >= 0 ? 1 : 0);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return add(counted(() -> super.read(b, off, len)));
        }

        @Override
        public byte[] readNBytes(int len) throws IOException {
            byte[] bytes = counted(() -> super.readNBytes(len));
            add(bytes.length);
            return bytes;
        }

        @Override
        public int readNBytes(byte[] b, int off, int len) throws IOException {
            return add(counted(() -> super.readNBytes(b, off, len)));
        }

        @Override
        public byte[] readAllBytes() throws IOException {
            byte[] bytes = counted(super::readAllBytes);
            add(bytes.length);
            return bytes;
        }

        @Override
        public long transferTo(OutputStream out) throws IOException {
            long n = counted(() -> super.transferTo(out));
            add((int) n);
            return n;
        }

        private <T> T counted(IoCall<T> call) throws IOException {
            depth++;
            try {
                return call.run();
            }
            finally {
                depth--;
            }
        }

        private int add(int n) {
            if (depth == 0 && n > 0) {
                bytesRead.addAndGet(n);
            }
            return n;
        }

        @FunctionalInterface
        private interface IoCall<T> {

            T run() throws IOException;
        }
    }
}
