package dev.gatewayinterface.test.conformance;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Send one {@link RequestCase} to a running server over a plain socket and tell what came back and which rule the
 * answer broke, so that the suite runs against any deployment: a test's own server or a staging host behind a
 * proxy. The server must serve a {@link ConformanceApplication} at the path given.
 *
 * <p>Once the case is answered, a second, valid request follows on the same connection. After an accepted request
 * it must be answered too; after a refused one the server must have closed the connection. Once both are answered,
 * a last request asking for the connection to close must be the next one answered: so what was answered can be
 * counted without waiting, and any other answer means the server read bytes the client meant as part of the case as
 * a request of its own, the shape of request smuggling. Each request waits for the answer before it: a server that
 * closes on a refusal with bytes still unread resets the connection, and the client may lose the refusal, and
 * Reactor Netty closes a connection, pipelined requests unanswered, once it reads one asking to close.
 *
 * <p>Every answer is checked against invariants too: a 200 from the application echoes the body it was sent,
 * byte for byte, and saw no CR, LF or NUL in any {@code HTTP_*} value; and no request, however malformed, gets a
 * server error other than 501 or 505.
 */
public final class RequestConformance {

    /** The query of the request sent behind each case, which the application echoes. */
    static final String FOLLOWER = "follower";

    /** The query of the request sent alone once both were answered, asking the server to close. */
    static final String LAST = "last";

    private static final int TIMEOUT_MILLIS = 5000;

    private final String host;

    private final int port;

    private final String path;

    /**
     * Target a server.
     * @param host the server's host
     * @param port the server's port
     * @param path the path of a {@link ConformanceApplication}, such as {@code "/conformance"}
     */
    public RequestConformance(String host, int port, String path) {
        this.host = host;
        this.port = port;
        this.path = path;
    }

    /**
     * Tell what the server sent back for a case.
     * @param status the status of the first answer, or 0 if none came
     * @param answers the final answers the connection carried before the server closed it
     * @param violations the rules the answers broke, empty when the server answered as the case says
     */
    public record Outcome(int status, List<RawResponse> answers, List<String> violations) {

        /**
         * Tell whether the server answered as the case says.
         * @return {@code true} if no rule was broken
         */
        public boolean passed() {
            return violations.isEmpty();
        }

        /**
         * Describe the answers in one line, for a report.
         * @return the status lines, or what ended the exchange
         */
        public String summary() {
            List<String> lines = new ArrayList<>();
            answers.forEach(answer -> lines.add(answer.statusLine()));
            return lines.isEmpty() ? "no answer" : String.join(" | ", lines);
        }
    }

    /**
     * Send the case and a valid request behind it, read every answer until the server closes, and check them.
     * @param testCase the case
     * @return what came back, and what was wrong with it
     * @throws IOException if the server cannot be reached
     */
    public Outcome send(RequestCase testCase) throws IOException {
        String follower = "GET " + path + "?" + FOLLOWER + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        List<RawResponse> answers = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            write(socket, testCase.requestFor(path));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            boolean head = testCase.request().startsWith("HEAD ");
            RawResponse first = next(in, head, violations);
            RawResponse second = null;
            if (first != null) {
                answers.add(first);
                write(socket, follower);
                second = next(in, false, violations);
            }
            if (second != null) {
                answers.add(second);
                write(socket, "GET " + path + "?" + LAST
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                checkLast(in, answers, violations);
            }
        }
        new Invariants(testCase).check(answers, violations);
        return new Outcome(answers.isEmpty() ? 0 : answers.get(0).status(), answers, violations);
    }

    private static void write(Socket socket, String request) {
        try {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }
        catch (IOException ex) {
            // A server may refuse and close while the client still writes a long request: read its answer.
        }
    }

    /** Read every answer up to the last request's; any before it was an answer to bytes no request was meant. */
    private static void checkLast(InputStream in, List<RawResponse> answers, List<String> violations) {
        RawResponse answer;
        while ((answer = next(in, false, violations)) != null) {
            if (LAST.equals(answer.header(ConformanceApplication.QUERY_HEADER))) {
                return;
            }
            answers.add(answer);
        }
        if (violations.isEmpty()) {
            violations.add("the request sent after the answers was never answered");
        }
    }

    /**
     * Read the next final answer, skipping interim ones; {@code null} when the server closed the connection, or
     * when it neither answered nor closed in time, which is recorded.
     */
    private static RawResponse next(InputStream in, boolean head, List<String> violations) {
        try {
            RawResponse answer;
            do {
                answer = RawResponse.read(in, head);
            }
            while (answer != null && answer.status() >= 100 && answer.status() < 200);
            return answer;
        }
        catch (SocketTimeoutException ex) {
            violations.add("the server neither answered nor closed the connection within " + TIMEOUT_MILLIS + " ms");
            return null;
        }
        catch (SocketException ex) {
            // A reset is how some servers end a connection they refused: what came before it is what counts.
            return null;
        }
        catch (IOException | RuntimeException ex) {
            violations.add("the answer could not be read: " + ex.getMessage());
            return null;
        }
    }
}
