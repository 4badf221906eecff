package dev.gatewayinterface.servlet;

import java.nio.charset.StandardCharsets;
import org.apache.coyote.Request;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Read, from an HTTP/1.1 request Tomcat has parsed, the two facts of its head that Tomcat reads leniently and the
 * servlet API no longer shows: the request target as the client sent it, when it was in absolute form, and a field
 * whose value begins on a folded line (docs/SPEC.md §14.5). Tomcat parses the head in place, in its input buffer,
 * where the request line stays as it came until the next request.
 */
final class TomcatRequestHead {

    private TomcatRequestHead() {
    }

    /**
     * Return the request target as the client sent it when it was in absolute form: Tomcat keeps only its path,
     * dropping the scheme, the authority and any userinfo in it. The path then starts somewhere inside the target on
     * the request line rather than behind the space that separates the target from the method.
     * @param request a request Tomcat read from an HTTP/1.1 connection
     * @return the target, or {@code null} when it was in origin form or cannot be read
     */
    static String absoluteTarget(Request request) {
        MessageBytes uri = request.requestURI();
        if (uri.getType() != MessageBytes.T_BYTES) {
            // Made a String, by a getRequestURI() before this runs: its bytes may be gone, so nothing is read.
            return null;
        }
        ByteChunk chunk = uri.getByteChunk();
        byte[] line = chunk.getBytes();
        int start = chunk.getStart();
        if (start == 0 || isSpaceOrTab(line[start - 1])) {
            return null;
        }
        while (start > 0 && !isSpaceOrTab(line[start - 1])) {
            start--;
        }
        int end = chunk.getEnd();
        while (end < line.length && !isSpaceOrTab(line[end]) && line[end] != '\r' && line[end] != '\n') {
            end++;
        }
        return new String(line, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * Return the name of a field whose value begins on a folded line (obs-fold) behind an empty first line. Tomcat
     * unfolds in place, writing one space where each line break was: such a value then begins with that space, as
     * no other value does, since Tomcat skips the whitespace that starts a value on the field's own line; and a
     * value that is empty but for folded whitespace is followed, in the buffer, by whitespace, the line's end, then
     * more whitespace, which starts no field line.
     * @param request a request Tomcat read from an HTTP/1.1 connection
     * @return the field's name, or {@code null} when no value begins so
     */
    static String foldedField(Request request) {
        MimeHeaders headers = request.getMimeHeaders();
        for (int i = 0; i < headers.size(); i++) {
            if (beginsOnAFoldedLine(headers.getValue(i))) {
                return headers.getName(i).toString();
            }
        }
        return null;
    }

    /** Tell whether a value begins on a folded line, read as it stands: bytes, or a String Tomcat made of them. */
    private static boolean beginsOnAFoldedLine(MessageBytes value) {
        if (value.getType() == MessageBytes.T_BYTES) {
            ByteChunk bytes = value.getByteChunk();
            return bytes.getLength() > 0 ? isSpaceOrTab(bytes.getBytes()[bytes.getStart()])
                    : foldedBehind(bytes.getBytes(), bytes.getStart());
        }
        if (value.getType() == MessageBytes.T_STR) {
            String text = value.toString();
            return !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t');
        }
        return false;
    }

    /** Tell whether the line of an empty value, starting at the index, goes on on a folded line. */
    private static boolean foldedBehind(byte[] head, int index) {
        int i = index;
        while (i < head.length && isSpaceOrTab(head[i])) {
            i++;
        }
        if (i < head.length && head[i] == '\r') {
            i++;
        }
        return i + 1 < head.length && head[i] == '\n' && isSpaceOrTab(head[i + 1]);
    }

    private static boolean isSpaceOrTab(byte b) {
        return b == ' ' || b == '\t';
    }
}
