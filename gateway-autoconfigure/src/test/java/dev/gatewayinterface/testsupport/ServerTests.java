package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hold what every test of the gateway on a running server needs: the port Spring Boot picked, and requests sent
 * as raw bytes on a connection of their own, so that the test sees what a client library would hide. A subclass
 * carries the Spring Boot test annotation that starts the server, and so chooses the stack.
 */
public abstract class ServerTests {

    @LocalServerPort
    protected int port;

    /**
     * Send a request, as it goes on the wire, on a connection of its own and read the whole response.
     * @param request the request line, headers and body
     * @return the response
     * @throws IOException if the connection fails
     */
    protected RawHttp.Response exchange(String request) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            return http.send(request).readResponse();
        }
    }

    /**
     * Send a GET on a connection of its own and read the whole response.
     * @param target the request target, raw as a client sends it
     * @param headers header lines to send besides {@code Host}, without their CRLF
     * @return the response
     * @throws IOException if the connection fails
     */
    protected RawHttp.Response get(String target, String... headers) throws IOException {
        return exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headerLines(headers) + "\r\n");
    }

    /**
     * Return the status of a GET, its body read and dropped.
     * @param target the request target
     * @return the status code
     * @throws IOException if the connection fails
     */
    protected int statusOf(String target) throws IOException {
        return get(target).status();
    }

    /**
     * Return the body of a GET that must succeed: a request that went wrong fails on its status, which says more
     * than a comparison with an error page would.
     * @param target the request target
     * @param headers header lines to send besides {@code Host}, without their CRLF
     * @return the body, one char a byte
     * @throws IOException if the connection fails
     */
    protected String okBodyOf(String target, String... headers) throws IOException {
        RawHttp.Response response = get(target, headers);
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    /**
     * Write header lines as they go on the wire.
     * @param headers the lines, without their CRLF
     * @return each line followed by CRLF
     */
    protected static String headerLines(String... headers) {
        return Stream.of(headers).map(header -> header + "\r\n").collect(Collectors.joining());
    }
}
