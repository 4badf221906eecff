package dev.gatewayinterface.it;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.Input;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serve what the deployment tests send through nginx: {@code /echo}, which answers the environ's strings as JSON with
 * the body's length and SHA-256 and the port of the connection it came on, {@code /stream}, which sends a first
 * chunk and then waits for the test before it sends the second, {@code /file}, a file through wsgi.file_wrapper, and
 * {@code /fail}, an application that fails.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ProxiedApplication {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Let the streaming application go on to its second chunk. */
    static final Gate gate = new Gate();

    /** How many requests the echo application answered. */
    static final AtomicInteger echoes = new AtomicInteger();

    /** The file {@code /file} sends. */
    static final Path FILE = writeFile();

    @Bean
    Application echo() {
        return (environ, startResponse) -> {
            echoes.incrementAndGet();
            Input input = (Input) environ.get(Environ.WSGI_INPUT);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long length = 0;
            for (byte[] block = input.read(65536); block.length > 0; block = input.read(65536)) {
                sha256.update(block);
                length += block.length;
            }
            Map<String, Object> answer = new TreeMap<>();
            environ.forEach((key, value) -> {
                if (value instanceof String text) {
                    answer.put(key, text);
                }
            });
            answer.put("body.length", length);
            answer.put("body.sha256", HexFormat.of().formatHex(sha256.digest()));
            answer.put("connection.port", connectionPort(environ));
            byte[] body = JSON.writeValueAsBytes(answer);
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/json"),
                    new Header("Content-Length", Integer.toString(body.length))));
            return List.of(body);
        };
    }

    @Bean
    Application stream() {
        return (environ, startResponse) -> {
            // nginx buffers a response unless the application says it streams (docs/DEPLOYMENT.md).
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain"),
                    new Header("X-Accel-Buffering", "no")));
            return () -> new Iterator<>() {

                private int sent;

                @Override
                public boolean hasNext() {
                    return sent < 2;
                }

                @Override
                public byte[] next() {
                    if (sent++ == 0) {
                        return bytes("first\n");
                    }
                    gate.await();
                    return bytes("second\n");
                }
            };
        };
    }

    /** Send {@link #FILE} through wsgi.file_wrapper, which the servers send from the file's channel. */
    @Bean
    Application file() {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "application/octet-stream"),
                    new Header("Content-Length", Long.toString(Files.size(FILE)))));
            return ((FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER)).wrap(new FileInputStream(FILE.toFile()));
        };
    }

    /** Fail before starting a response, which the gateway answers with a 500 that says nothing of the failure. */
    @Bean
    Application fail() {
        return (environ, startResponse) -> {
            throw new IllegalStateException("the application failed on purpose");
        };
    }

    /**
     * Return the peer port of the connection a request came on: the gateway removes REMOTE_PORT behind a proxy. Over
     * uwsgi there is no native request, and each request has a connection of its own anyway: -1.
     */
    private static int connectionPort(Map<String, Object> environ) {
        if (environ.get("gateway.servlet_request") instanceof HttpServletRequest request) {
            return request.getRemotePort();
        }
        if (environ.get("gateway.server_exchange") instanceof ServerWebExchange exchange) {
            return exchange.getRequest().getRemoteAddress().getPort();
        }
        return -1;
    }

    /** Write 1 MB of bytes no compression shrinks, the file {@code /file} sends, once per JVM. */
    private static Path writeFile() {
        try {
            byte[] bytes = new byte[1_000_000];
            new Random(7).nextBytes(bytes);
            Path file = Files.createTempFile("gateway-it-file", ".bin");
            file.toFile().deleteOnExit();
            return Files.write(file, bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Hold a response between two chunks until a test opens it. */
    static final class Gate {

        private volatile CountDownLatch latch = new CountDownLatch(1);

        void close() {
            latch = new CountDownLatch(1);
        }

        void open() {
            latch.countDown();
        }

        void await() {
            try {
                if (!latch.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the gate", ex);
            }
        }
    }
}
