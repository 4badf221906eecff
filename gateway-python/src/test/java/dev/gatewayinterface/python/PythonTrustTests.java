package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Check over HTTP what of the JVM a Python application reaches: by default (the {@code timed} application) no live
 * server object and no member of a Java object it is handed; with {@code expose-server-objects} (the {@code plain}
 * application) both. Each stack runs this suite.
 */
abstract class PythonTrustTests {

    @LocalServerPort
    int port;

    @Test
    void givesAPythonApplicationNoServerObjectAndNoMemberOfAJavaObjectByDefault() {
        HttpResponse<String> response = new Http(port).get("/timed/reach");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("given: \n", "getClass: refused (", "java.home: refused (")
            .doesNotContain(System.getProperty("java.home"));
    }

    @Test
    void givesTheServerObjectsAndTheirMethodsToAnApplicationThatTheDeployerExposedThemTo() {
        HttpResponse<String> response = new Http(port).get("/plain/reach");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsAnyOf("gateway.servlet_request", "gateway.server_exchange")
            .contains("gateway.request_end", "getClass: java.lang.");
    }
}
