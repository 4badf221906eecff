package dev.gatewayinterface.benchmarks.server;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Mount the large-body applications (profile {@code bodies}): {@code /upload} reads the request in 64 KiB chunks,
 * {@code /download?size=N} yields N bytes from a generator in 64 KiB chunks, {@code /file} returns
 * {@code bench.file} through {@code wsgi.file_wrapper}. The harness samples heap and RSS while they run.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bodies")
class LargeBodyApplications {

    private static final String OCTETS = "application/octet-stream";

    @Bean
    Application upload() {
        return (environ, startResponse) -> {
            Input input = (Input) environ.get(Environ.WSGI_INPUT);
            long total = 0;
            for (byte[] chunk = input.read(Payloads.CHUNK); chunk.length > 0; chunk = input.read(Payloads.CHUNK)) {
                total += chunk.length;
            }
            startResponse.start("200 OK", List.of(new Header("Content-Type", Payloads.TEXT_PLAIN)));
            return List.of(Long.toString(total).getBytes(StandardCharsets.US_ASCII));
        };
    }

    @Bean
    Application download() {
        return (environ, startResponse) -> {
            long size = sizeParameter((String) environ.get(Environ.QUERY_STRING));
            startResponse.start("200 OK", List.of(new Header("Content-Type", OCTETS),
                    new Header("Content-Length", Long.toString(size))));
            return () -> generator(size);
        };
    }

    @Bean
    Application file(@Value("${bench.file}") Path file) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", OCTETS),
                    new Header("Content-Length", Long.toString(Files.size(file)))));
            FileWrapper wrapper = (FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER);
            return wrapper.wrap(new FileInputStream(file.toFile()), Payloads.CHUNK);
        };
    }

    /** Read {@code size=N} from the query, as the Python app does; the harness always sends it. */
    static long sizeParameter(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("size=")) {
                return Long.parseLong(pair.substring("size=".length()));
            }
        }
        throw new IllegalArgumentException("The download needs size=N in its query, not '" + query + "'");
    }

    /**
     * Yield {@code size} bytes in 64 KiB chunks, as a Python generator yields one bytes object again and again: the
     * chunk is never changed, so handing out the same array is safe.
     */
    private static Iterator<byte[]> generator(long size) {
        byte[] full = new byte[Payloads.CHUNK];
        return new Iterator<>() {

            private long left = size;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public byte[] next() {
                if (left <= 0) {
                    throw new NoSuchElementException();
                }
                byte[] chunk = left >= full.length ? full : new byte[(int) left];
                left -= chunk.length;
                return chunk;
            }
        };
    }
}
