package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.testsupport.ProbedServerTests;
import dev.gatewayinterface.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Check over real HTTP that applications run on virtual threads when {@code spring.threads.virtual.enabled} is
 * set on JDK 21 or later, and on the pool's platform threads before: reading a body and streaming a response
 * work either way.
 */
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", "spring.threads.virtual.enabled=true" })
class ReactiveVirtualThreadsTests extends ProbedServerTests {

    @Test
    void runsApplicationsOnVirtualThreadsFromJdk21AndOnPlatformThreadsBefore() throws Exception {
        assertThat(get("/env").text()).isEqualTo("ok");
        Thread thread = probes.thread.get();
        assertThat(thread.getName()).startsWith("gateway-");
        assertThat(isVirtual(thread)).isEqualTo(Runtime.version().feature() >= 21);
    }

    @Test
    void readsBodiesAndStreamsResponsesOnThem() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");
            assertThat(http.readBody(http.readHead())).asString().isEqualTo("hello, world");
            streamBothChunks(http);
        }
        assertThat(probes.awaitClosed()).isTrue();
    }

    /** Ask a thread whether it is virtual; the API is JDK 21's and this code compiles for 17. */
    private static boolean isVirtual(Thread thread) {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        }
        catch (NoSuchMethodException ex) {
            return false;
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
