package dev.gatewayinterface.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Speak the uwsgi protocol over a plain socket, as nginx's {@code uwsgi_pass} does: a packet built byte by byte
 * (header, vars), a body, then an HTTP response read off the same connection, framed by its Content-Length or by
 * the close.
 */
public final class UwsgiClient implements Closeable {

    private final RawHttp http;

    /**
     * Connect to a uwsgi listener on the loopback address.
     * @param port the listener's port
     * @throws IOException if the connection fails
     */
    public UwsgiClient(int port) throws IOException {
        http = new RawHttp(new Socket("127.0.0.1", port));
    }

    /**
     * Return the vars nginx's stock uwsgi_params send for a request, in their order, for a client at 192.0.2.7.
     * @param method the request method
     * @param requestUri the raw target, such as {@code /env/caf%C3%A9?q=1}
     * @param pathInfo the path nginx decoded from it, one char a byte
     * @param contentLength the body's length, or {@code ""} for none, as nginx sends it for a GET
     * @return name/value pairs, to add to
     */
    public static List<String> nginxVars(String method, String requestUri, String pathInfo, String contentLength) {
        int mark = requestUri.indexOf('?');
        return new ArrayList<>(List.of("QUERY_STRING", mark < 0 ? "" : requestUri.substring(mark + 1),
                "REQUEST_METHOD", method, "CONTENT_TYPE", "", "CONTENT_LENGTH", contentLength, "REQUEST_URI", requestUri,
                "PATH_INFO", pathInfo, "DOCUMENT_ROOT", "/usr/share/nginx/html", "SERVER_PROTOCOL", "HTTP/1.1",
                "REQUEST_SCHEME", "http", "REMOTE_ADDR", "192.0.2.7", "REMOTE_PORT", "51000", "SERVER_PORT", "8080",
                "SERVER_NAME", "example.test", "HTTP_HOST", "example.test:8080"));
    }

    /**
     * Build a packet: the 4-byte header and the vars block.
     * @param modifier1 the header's first byte; 0 for a WSGI request
     * @param pairs the vars, name then value, one char a byte
     * @return the packet's bytes
     */
    public static byte[] packet(int modifier1, List<String> pairs) {
        ByteArrayOutputStream vars = new ByteArrayOutputStream();
        for (String text : pairs) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            vars.write(bytes.length & 0xFF);
            vars.write(bytes.length >> 8);
            vars.writeBytes(bytes);
        }
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(modifier1);
        packet.write(vars.size() & 0xFF);
        packet.write(vars.size() >> 8);
        packet.write(0);
        packet.writeBytes(vars.toByteArray());
        return packet.toByteArray();
    }

    /**
     * Send a WSGI request's packet and its body.
     * @param vars the vars, name then value
     * @param body the body bytes that follow the vars
     * @return this client
     * @throws IOException if the connection fails
     */
    public UwsgiClient request(List<String> vars, byte[] body) throws IOException {
        byte[] packet = packet(0, vars);
        byte[] all = Arrays.copyOf(packet, packet.length + body.length);
        System.arraycopy(body, 0, all, packet.length, body.length);
        return send(all);
    }

    /**
     * Send bytes as they are.
     * @param bytes the bytes
     * @return this client
     * @throws IOException if the connection fails
     */
    public UwsgiClient send(byte[] bytes) throws IOException {
        http.send(bytes);
        return this;
    }

    /**
     * End this side of the connection, as a proxy does after a body of unknown length.
     * @throws IOException if the connection fails
     */
    public void shutdownOutput() throws IOException {
        http.shutdownOutput();
    }

    /**
     * Return the connection's HTTP reader, to read a response part by part.
     * @return the reader
     */
    public RawHttp http() {
        return http;
    }

    /**
     * Read the whole response: a body without Content-Length ends when the listener closes the connection.
     * @return the response
     * @throws IOException if the connection fails
     */
    public RawHttp.Response readResponse() throws IOException {
        return http.readResponse();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
