package dev.gatewayinterface.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Send the deployment tests' requests through nginx as a browser would, and read what {@link ProxiedApplication}
 * answers: the requests carry the {@code Host} of the test certificate, whatever address they connect to.
 */
final class ThroughNginx {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ThroughNginx() {
    }

    /** Return a client that trusts the test certificate and speaks HTTP/1.1, as nginx's listeners do. */
    static HttpClient client(TlsFiles tls) {
        return HttpClient.newBuilder().sslContext(tls.client()).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Send a GET with the given headers, name then value. */
    static HttpResponse<String> get(HttpClient client, String url, String... headers) throws Exception {
        HttpRequest.Builder request = request(url);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.GET().build(), BodyHandlers.ofString());
    }

    /** Start a request with the test certificate's {@code Host}. */
    static HttpRequest.Builder request(String url) {
        // Host is a restricted header of the JDK's client; the build allows it (jdk.httpclient.allowRestrictedHeaders).
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Host", TlsFiles.HOST);
    }

    /** Return the environ the echo application answered with, after checking it answered 200. */
    static Map<String, Object> echo(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
        });
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
