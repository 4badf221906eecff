package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Describe a request a scenario sends.
 *
 * @param method the method
 * @param target the raw target below the mount path: {@code ""} or starting with {@code /}, with an
 *     optional {@code ?query}
 * @param headers the headers, in order
 * @param body the body
 * @param chunked whether the body is sent chunked, without {@code Content-Length}
 * @param expectContinue whether the client sends {@code Expect: 100-continue} and waits for the interim
 *     response before the body
 * @param pipelined whether a second request ({@code GET} of the same target) follows on the connection
 *     right behind the body
 */
public record TckRequest(String method, String target, List<Header> headers, byte[] body, boolean chunked,
        boolean expectContinue, boolean pipelined) {

    /**
     * Create a request, copying its lists.
     * @param method the method
     * @param target the target below the mount
     * @param headers the headers
     * @param body the body
     * @param chunked whether to send it chunked
     * @param expectContinue whether to expect 100-continue
     * @param pipelined whether a second request follows
     */
    public TckRequest {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /**
     * Start a {@code GET}.
     * @param target the target below the mount
     * @return the request
     */
    public static TckRequest get(String target) {
        return of("GET", target);
    }

    /**
     * Start a request.
     * @param method the method
     * @param target the target below the mount
     * @return the request
     */
    public static TckRequest of(String method, String target) {
        return new TckRequest(method, target, List.of(), new byte[0], false, false, false);
    }

    /**
     * Return this request with a header added.
     * @param name the name
     * @param value the value
     * @return a new request
     */
    public TckRequest header(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new TckRequest(method, target, more, body, chunked, expectContinue, pipelined);
    }

    /**
     * Return this request with a body.
     * @param bytes the body
     * @return a new request
     */
    public TckRequest body(byte[] bytes) {
        return new TckRequest(method, target, headers, bytes, chunked, expectContinue, pipelined);
    }

    /**
     * Return this request with a latin-1 body.
     * @param text the body
     * @return a new request
     */
    public TckRequest body(String text) {
        return body(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Return this request sent as a chunked upload.
     * @return a new request
     */
    public TckRequest asChunked() {
        return new TckRequest(method, target, headers, body, true, expectContinue, pipelined);
    }

    /**
     * Return this request sent with {@code Expect: 100-continue}.
     * @return a new request
     */
    public TckRequest expectingContinue() {
        return new TckRequest(method, target, headers, body, chunked, true, pipelined);
    }

    /**
     * Return this request followed by a pipelined {@code GET} on the same connection.
     * @return a new request
     */
    public TckRequest withPipelinedRequest() {
        return new TckRequest(method, target, headers, body, chunked, expectContinue, true);
    }
}
