package dev.gatewayinterface.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check over real HTTP that the request paths SPEC §2 accepts reach a mount with the PATH_INFO it prescribes: an
 * encoded slash decoded after the split, and percent-encoded bytes that are no UTF-8 as latin-1 chars, as
 * Gunicorn gives them. Each stack runs it through a subclass carrying its own Spring Boot test annotation, in an
 * application with the settings SERVING.md names; the application is mounted at {@code /paths}.
 */
public abstract class PathEncodingContractTests {

    @LocalServerPort
    protected int port;

    @ParameterizedTest(name = "{0} gives PATH_INFO {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /paths/a%2Fb          | /a/b
            /paths/a%2Fb/c        | /a/b/c
            /paths/%FF%FE         | /\u00ff\u00fe
            /paths/caf%C3%A9      | /caf\u00c3\u00a9
            /paths/a%20b%25       | /a b%
            """)
    void givesThePathInfoSpecPrescribes(String target, String pathInfo) throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            RawHttp.Response response = http.readResponse();
            assertThat(response.head().status()).isEqualTo(200);
            assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).isEqualTo(pathInfo);
        }
    }

    /**
     * Return the application mounted at {@code /paths}: it answers its PATH_INFO, one byte per char.
     * @return the application
     */
    protected static Application pathInfoApplication() {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain; charset=iso-8859-1")));
            return List.of(((String) environ.get(Environ.PATH_INFO)).getBytes(StandardCharsets.ISO_8859_1));
        };
    }
}
