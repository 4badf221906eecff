package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Check what a client gets through a real proxy in front of the uwsgi listener, whichever proxy a subclass starts:
 * sized uploads, file bodies and the applications' errors pass as they would over HTTP. The proxy connects from the
 * loopback address, which {@code gateway.proxy.trusted} names, as docs/DEPLOYMENT.md says to.
 */
@TestPropertySource(properties = TrustedProxyContractTests.TRUSTED_LOOPBACK)
public abstract class UwsgiProxyContractTests extends ProbedServerTests {

    /**
     * Return the port the proxy serves HTTP on.
     * @return the port
     */
    protected abstract int proxyPort();

    @Test
    void passesASizedUpload() throws Exception {
        RawHttp.Response response = viaProxy("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                + "Connection: close\r\n\r\nhello");
        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.head().header("x-environ-content-length")).isEqualTo("5");
    }

    @Test
    void sendsAFileBodyFromItsChannel() throws Exception {
        RawHttp.Response response = viaProxy("GET /file HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.text()).isEqualTo("0123456789".repeat(10_000));
        assertThat(probes.fileStreamReads).hasValue(0);
    }

    @Test
    void passesTheApplicationsErrorOn() throws Exception {
        RawHttp.Response response = viaProxy("GET /fail HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).isEqualTo("500 Internal Server Error\n");
    }

    /**
     * Send a request to the proxy on a connection of its own and read the whole response.
     * @param request the request, as it goes on the wire
     * @return the response
     * @throws IOException if the connection fails
     */
    protected RawHttp.Response viaProxy(String request) throws IOException {
        try (RawHttp http = new RawHttp(proxyPort())) {
            return http.send(request).readResponse();
        }
    }
}
