package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.TestApps.bytes;
import static dev.gatewayinterface.middleware.TestApps.responding;
import static dev.gatewayinterface.middleware.TestApps.respondingWith;
import static dev.gatewayinterface.middleware.TestApps.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Header;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check what {@link ContractValidator} demands of an application's calls of {@code start_response}
 * (docs/SPEC.md §5.1–§5.4, §11.2); each violation is thrown from the faulty call, inside the application.
 */
class ContractValidatorStartResponseTests {

    static Stream<Trigger> triggers() {
        return Stream.of(
                status("is only a code", "\"200\"", "200"),
                status("has a code outside 100-599", "\"600 Too Far\"", "600 Too Far"),
                status("has letters for a code", "\"2x0 OK\"", "2x0 OK"),
                status("smuggles a header line", "\"200 OK\\r\\nX-Injected: 1\"", "200 OK\r\nX-Injected: 1"),
                status("is null", "status null", null),
                headers(ContractRule.HEADER_LIST, "are null", "are null", null),
                headers(ContractRule.HEADER_LIST, "hold null", "hold null",
                        Arrays.asList(new Header("Content-Type", "text/plain"), null)),
                headers(ContractRule.HEADER_NAME, "have a name with a space", "\"X Bad\"", text(new Header("X Bad", "1"))),
                headers(ContractRule.HEADER_NAME, "have an empty name", "header name \"\"", text(new Header("", "1"))),
                headers(ContractRule.HEADER_VALUE, "have a value with CR LF", "\"a\\r\\nSet-Cookie: b\"",
                        text(new Header("X-Split", "a\r\nSet-Cookie: b"))),
                headers(ContractRule.HEADER_VALUE, "have a value above U+00FF", "\"\u20ac5\"",
                        text(new Header("X-Price", "\u20ac5"))),
                headers(ContractRule.HEADER_CONTENT_LENGTH, "have a negative Content-Length", "\"-1\"",
                        text(new Header("Content-Length", "-1"))),
                headers(ContractRule.HEADER_CONTENT_LENGTH, "have two Content-Lengths that disagree", "\"6\"",
                        text(new Header("Content-Length", "5"), new Header("content-length", "6"))),
                headers(ContractRule.HEADER_HOP_BY_HOP, "set Transfer-Encoding", "\"Transfer-Encoding\"",
                        text(new Header("Transfer-Encoding", "chunked"))),
                headers(ContractRule.HEADER_HOP_BY_HOP, "set connection in lower case", "\"connection\"",
                        text(new Header("connection", "close"))),
                headers(ContractRule.HEADER_STATUS, "set a Status header", "\"404 Not Found\"",
                        text(new Header("Status", "404 Not Found"))),
                headers(ContractRule.CONTENT_TYPE, "lack Content-Type on a 200", "\"200 OK\"", List.of()),
                Trigger.of(ContractRule.CONTENT_TYPE, "when a 204 carries Content-Type", "\"text/plain\"",
                        server -> server.serve(respondingWith("204 No Content", text()))),
                Trigger.of(ContractRule.START_AGAIN_WITHOUT_EXC_INFO, "when start_response is called twice",
                        "\"500 Internal Server Error\"", server -> server.serve((environ, start) -> {
                            start.start("200 OK", text());
                            start.start("500 Internal Server Error", text());
                            return List.of();
                        })),
                Trigger.of(ContractRule.START_EXC_INFO_FIRST_CALL, "when the first call passes excInfo",
                        "\"java.lang.IllegalStateException: boom\"", server -> server.serve((environ, start) -> {
                            start.start("500 Internal Server Error", text(), new IllegalStateException("boom"));
                            return List.of();
                        })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void throwsTheViolationFromTheFaultyCall(Trigger trigger) {
        trigger.assertReported();
    }

    @Test
    void letsAnErrorHandlerPassExcInfoOnTheFirstCallAsPep3333sExampleDoes() throws Exception {
        FakeServer server = new FakeServer().serve((environ, start) -> {
            start.start("500 Internal Server Error", text(), new IllegalStateException("failed before any status"));
            return List.of(bytes("sorry"));
        });
        assertThat(server.reported()).isEmpty();
        assertThat(server.statuses()).containsExactly("500 Internal Server Error");
    }

    @Test
    void letsAnErrorHandlerReplaceTheStatusWithExcInfo() throws Exception {
        FakeServer server = new FakeServer().serve((environ, start) -> {
            start.start("200 OK", text());
            start.start("503 Service Unavailable", text(), new IllegalStateException("backend down"));
            return List.of(bytes("retry later"));
        });
        assertThat(server.reported()).isEmpty();
        assertThat(server.statuses()).containsExactly("200 OK", "503 Service Unavailable");
    }

    @Test
    void acceptsNoContentAndNotModifiedWithoutContentType() throws Exception {
        FakeServer noContent = new FakeServer().serve(respondingWith("204 No Content", List.of()));
        FakeServer notModified = new FakeServer()
            .serve(respondingWith("304 Not Modified", List.of(new Header("ETag", "\"v1\""))));
        assertThat(noContent.reported()).isEmpty();
        assertThat(notModified.reported()).isEmpty();
    }

    @Test
    void acceptsAnEmptyReasonTabsInValuesAndRepeatedAgreeingLengths() throws Exception {
        FakeServer server = new FakeServer().serve(respondingWith("200 ", text(new Header("X-Tab", "a\tb"),
                new Header("Content-Length", "2"), new Header("content-length", "2")), "ok"));
        assertThat(server.reported()).isEmpty();
        assertThat(server.bodyText()).isEqualTo("ok");
    }

    @Test
    void throwsInsideTheApplicationSoThatItMayRecover() throws Exception {
        FakeServer server = new FakeServer().serve((environ, start) -> {
            try {
                start.start("200 OK", List.of(new Header("Bad Name", "x")));
            }
            catch (ContractViolationException ex) {
                start.start("500 Internal Server Error", text());
            }
            return List.of(bytes("recovered"));
        });
        assertThat(server.reported()).extracting(ContractViolationException::rule)
            .containsExactly(ContractRule.HEADER_NAME);
        assertThat(server.statuses()).as("what the server was given").containsExactly("500 Internal Server Error");
        assertThat(server.bodyText()).isEqualTo("recovered");
    }

    private static Trigger status(String situation, String quoted, String status) {
        return Trigger.of(ContractRule.STATUS_LINE, "when the status " + situation, quoted,
                server -> server.serve(respondingWith(status, text())));
    }

    private static Trigger headers(ContractRule rule, String situation, String quoted, List<Header> headers) {
        return Trigger.of(rule, "when the headers " + situation, quoted, server -> server.serve(responding(headers)));
    }
}
