package dev.gatewayinterface.servlet;

import dev.gatewayinterface.engine.Refusal;
import dev.gatewayinterface.engine.RequestTargets;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Objects;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.res.StringManager;

/**
 * Answer the requests Tomcat refused for their size as RFC 9112 and RFC 6585 say, and as Reactor Netty's guard
 * does (docs/SPEC.md §14): Tomcat answers 400 to a request line or header lines over its buffer and to more header
 * lines than it allows; this valve, first in the engine, answers 414 or 431 with a one-line body instead. It knows
 * those refusals by the exception Tomcat recorded, compared with Tomcat's own message for them in the locale Tomcat
 * uses. It also refuses, with 400, the two shapes Tomcat reads leniently where Reactor Netty's guard refuses them
 * (§14.5): userinfo in an absolute-form target, which Tomcat drops, and a field value that begins on a folded line,
 * which Tomcat unfolds. It leaves every other request alone.
 */
public final class TomcatRequestGuardValve extends ValveBase {

    private static final String HEADER_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
        .getString("iib.requestheadertoolarge.error");

    private final int maxRequestLine;

    private final int maxHeaderSize;

    private final int maxHeaderCount;

    /**
     * Create the valve.
     * @param maxRequestLine the request-line limit, named in a 414
     * @param maxHeaderSize the header limit, named in a 431
     * @param maxHeaderCount the header-count limit Tomcat applies, named in a 431
     */
    public TomcatRequestGuardValve(int maxRequestLine, int maxHeaderSize, int maxHeaderCount) {
        super(true);
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderSize = maxHeaderSize;
        this.maxHeaderCount = maxHeaderCount;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        Refusal refusal = !response.isError() ? leniencyRefused(request)
                : response.getStatus() == 400 ? refusalFor(request) : null;
        if (refusal == null) {
            getNext().invoke(request, response);
            return;
        }
        byte[] body = refusal.body();
        response.setStatus(refusal.status());
        response.setContentType(Refusal.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.setHeader("Connection", "close");
        response.getOutputStream().write(body);
        // Answered: the error report valve must not append a page of its own.
        response.setErrorReported();
    }

    /**
     * Refuse what Tomcat reads leniently in a request's head where Reactor Netty's guard refuses it, as RFC 9110 and
     * RFC 9112 allow, or return {@code null} to leave the request alone.
     */
    private static Refusal leniencyRefused(Request request) {
        if (!request.getProtocol().startsWith("HTTP/1.")
                || !(request.getConnector().getProtocolHandler() instanceof AbstractHttp11Protocol<?>)) {
            // The head of HTTP/2 or AJP is in no request line.
            return null;
        }
        String folded = TomcatRequestHead.foldedField(request.getCoyoteRequest());
        if (folded != null) {
            return new Refusal(400, "Bad Request", "the value of the header " + folded
                    + " begins on a folded line (obs-fold), which servers read differently (RFC 9112 §5.2)");
        }
        String target = TomcatRequestHead.absoluteTarget(request.getCoyoteRequest());
        // Tomcat drops userinfo from an absolute-form target; RFC 9110 §4.2.4 asks to treat it as an error. The rest
        // of the target is Tomcat's to judge, as its relaxed-chars settings say.
        return target != null ? RequestTargets.checkAbsoluteAuthority(target) : null;
    }

    /** Return the answer to a request Tomcat refused while parsing its head, or {@code null} to leave it. */
    private Refusal refusalFor(Request request) {
        Object failure = request.getCoyoteRequest().getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof IllegalArgumentException tooLarge
                && Objects.equals(tooLarge.getMessage(), HEADER_TOO_LARGE)) {
            // Tomcat records the target once the space behind it is read: unset, the line overflowed the buffer.
            return request.getCoyoteRequest().requestURI().isNull()
                    ? new Refusal(414, "URI Too Long", "the request line is longer than the " + maxRequestLine
                            + " bytes gateway.limits.max-request-line allows (RFC 9112 §3)")
                    : new Refusal(431, "Request Header Fields Too Large", "the header lines are longer than the "
                            + maxHeaderSize + " bytes gateway.limits.max-header-size allows (RFC 6585 §5)");
        }
        if (failure instanceof IllegalStateException && request.getCoyoteRequest().getMimeHeaders().size()
                >= maxHeaderCount) {
            return new Refusal(431, "Request Header Fields Too Large", "the request has more than the "
                    + maxHeaderCount + " header lines gateway.limits.max-header-count allows (RFC 6585 §5)");
        }
        return null;
    }
}
