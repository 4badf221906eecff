package dev.gatewayinterface.soak;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.test.tck.ClosingBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Declare the applications the soak drives, each at a mount of its own so that each one's meters count one kind
 * of request, and every body they return counted when made and when closed.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:dev/gatewayinterface/soak/soak.properties")
class SoakApplications {

    /** The size of a large download, far more than the sockets' buffers hold: the client leaves in its middle. */
    static final int LARGE_SIZE = 4 * 1024 * 1024;

    static final int LARGE_CHUNK = 64 * 1024;

    /** The size of a streamed download, sent chunked in four pieces. */
    static final int STREAM_SIZE = 16 * 1024;

    @Bean
    Bodies bodies() {
        return new Bodies();
    }

    /** Say hello with a Content-Length. */
    @Bean
    Application hello(Bodies bodies) {
        byte[] hello = "hello\n".getBytes(StandardCharsets.US_ASCII);
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain"),
                    new Header("Content-Length", Integer.toString(hello.length))));
            return bodies.of(1, index -> hello);
        };
    }

    /** Send the request body back, read in blocks while the body is produced. */
    @Bean
    Application echo(Bodies bodies) {
        return (environ, startResponse) -> {
            Input input = (Input) environ.get(Environ.WSGI_INPUT);
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            return bodies.of(1, index -> read(input));
        };
    }

    /** Stream {@value #STREAM_SIZE} bytes chunked, in four chunks. */
    @Bean
    Application stream(Bodies bodies) {
        byte[] chunk = pattern(STREAM_SIZE / 4);
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream")));
            return bodies.of(4, index -> chunk);
        };
    }

    /** Send {@value #LARGE_SIZE} bytes with their Content-Length, which clients leave in the middle. */
    @Bean
    Application large(Bodies bodies) {
        byte[] chunk = pattern(LARGE_CHUNK);
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream"),
                    new Header("Content-Length", Integer.toString(LARGE_SIZE))));
            return bodies.of(LARGE_SIZE / LARGE_CHUNK, index -> chunk);
        };
    }

    /** Read an upload whole, which clients leave in the middle, and say how much came. */
    @Bean
    Application upload(Bodies bodies) {
        return (environ, startResponse) -> {
            Input input = (Input) environ.get(Environ.WSGI_INPUT);
            return bodies.of(1, index -> {
                byte[] body = read(input);
                startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
                return ("received " + body.length).getBytes(StandardCharsets.US_ASCII);
            });
        };
    }

    /** Fail before the response starts: a 500. */
    @Bean
    Application boom() {
        return (environ, startResponse) -> {
            throw new IllegalStateException("boom");
        };
    }

    private static byte[] read(Input input) {
        try {
            return input.read();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    /** Count the bodies the applications made, and how often the server closed them. */
    static final class Bodies {

        final AtomicLong made = new AtomicLong();

        final AtomicLong closed = new AtomicLong();

        final AtomicLong closedTwice = new AtomicLong();

        Iterable<byte[]> of(int chunks, IntFunction<byte[]> chunk) {
            made.incrementAndGet();
            AtomicBoolean once = new AtomicBoolean();
            return new ClosingBody(chunks, chunk, () -> {
                if (once.compareAndSet(false, true)) {
                    closed.incrementAndGet();
                }
                else {
                    closedTwice.incrementAndGet();
                }
            });
        }
    }
}
