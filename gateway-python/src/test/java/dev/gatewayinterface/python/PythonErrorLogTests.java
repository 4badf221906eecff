package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check over HTTP that a Python exception reaches the log without forging log lines: the control characters of
 * its message are escaped, while the traceback keeps its own lines. Each stack runs this suite.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class PythonErrorLogTests {

    private static final String FORGED = "2026-12-06 INFO forged";

    @LocalServerPort
    int port;

    @Test
    void escapesTheLineBreaksAndControlCharactersOfAPythonExceptionMessageInTheLog(CapturedOutput output) {
        HttpResponse<String> response = new Http(port).get("/plain/raise?x%0D%0A2026-12-06%20INFO%20forged%00%1B%0A"
                + "2026-12-06%20INFO%20forged%20again");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(output.getAll().lines().filter(line -> line.startsWith(FORGED))).isEmpty();
        assertThat(output).contains("ValueError: raised by the application: x\\r\\n2026-12-06 INFO forged\\x00\\x1b\\n"
                + "2026-12-06 INFO forged again")
            .containsPattern("\n {2}File \".*wsgi_apps\\.py\", line \\d+, in raising\n");
    }
}
