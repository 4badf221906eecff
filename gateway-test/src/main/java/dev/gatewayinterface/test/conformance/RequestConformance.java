package dev.gatewayinterface.test.conformance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Send one {@link RequestCase} to a running server over a plain socket and tell what came back, so that the suite
 * runs against any deployment: a test's own server or a staging host behind a proxy.
 *
 * <p>Behind every case's request the same write carries a second, valid request. An accepted request must be
 * answered, and the one behind it too; a refused request must be answered once and the connection closed: an
 * answer to the second request would mean the server read bytes the client meant as part of the first as a
 * request of its own, the shape of request smuggling.
 */
public final class RequestConformance {

    private static final int TIMEOUT_MILLIS = 5000;

    private final String host;

    private final int port;

    private final String path;

    /**
     * Target a server.
     * @param host the server's host
     * @param port the server's port
     * @param path the path of an application that answers 200 to a GET, such as an echo
     */
    public RequestConformance(String host, int port, String path) {
        this.host = host;
        this.port = port;
        this.path = path;
    }

    /**
     * Tell what the server sent back for a case.
     * @param status the status of the first answer, or 0 if none came
     * @param answers how many answers came on the connection: 2 for an accepted case, 1 for a refused one
     * @param statusLine the first answer's status line, for messages
     */
    public record Outcome(int status, int answers, String statusLine) {
    }

    /**
     * Send the case and a valid request behind it, and read the answers.
     * @param testCase the case
     * @return what came back
     * @throws IOException if the server cannot be reached
     */
    public Outcome send(RequestCase testCase) throws IOException {
        String follower = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write((testCase.request().replace("{path}", path) + follower)
                .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String first = readResponse(in);
            if (first == null) {
                return new Outcome(0, 0, "");
            }
            int status = Integer.parseInt(first.substring(9, 12));
            String second = readResponse(in);
            return new Outcome(status, second == null ? 1 : 2, first);
        }
    }

    /** Read one response, framed by its Content-Length or chunks; {@code null} if the server closed or went quiet. */
    private static String readResponse(InputStream in) throws IOException {
        String statusLine;
        try {
            statusLine = readLine(in);
        }
        catch (EOFException | SocketTimeoutException | SocketException ex) {
            return null;
        }
        long length = -1;
        boolean chunked = false;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(readLine(in).split(";")[0].trim(), 16)) > 0) {
                in.skipNBytes(size + 2);
            }
            while (!readLine(in).isEmpty()) {
                // trailer fields, if any
            }
        }
        else if (length > 0) {
            in.skipNBytes(length);
        }
        return statusLine;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the connection closed");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
