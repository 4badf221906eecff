package dev.gatewayinterface.servlet;

import dev.gatewayinterface.mount.Mounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Keep the body of requests bound for a mounted application away from filters that would consume it
 * (Spring's form-content filter, parameter lookups by security filters), by wrapping such requests so
 * that what others read is replayed to the application (docs/SPEC.md §10.3).
 *
 * <p>Runs right after the character-encoding filter, before every filter that may read the body. Requests
 * without a body, outside every mount, or taken by a handler the DispatcherServlet asks before the mounts (a
 * controller under a mount's path) pass through unwrapped, so the container parses their parameters and
 * multipart parts under its own limits.
 */
public final class ServletRequestBodyFilter extends OncePerRequestFilter implements Ordered {

    /** The order: after Spring's character-encoding filter, before the form-content and security filters. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final Mounts mounts;

    private final Predicate<HttpServletRequest> takenBeforeMounts;

    private final int replayLimit;

    /**
     * Create the filter.
     * @param mounts the mounted applications
     * @param takenBeforeMounts tells whether a handler ordered before the mounts takes a request
     * @param replayLimit the most body bytes recorded for replay
     */
    public ServletRequestBodyFilter(Mounts mounts, Predicate<HttpServletRequest> takenBeforeMounts, int replayLimit) {
        this.mounts = mounts;
        this.takenBeforeMounts = takenBeforeMounts;
        this.replayLimit = replayLimit;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isMountedWithBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        BodyPreservingRequest preserving = new BodyPreservingRequest(request, replayLimit);
        // Asked through the wrapper: should a lookup read the body (a parameter predicate), it is kept.
        boolean taken = takenBeforeMounts.test(preserving);
        chain.doFilter(taken && !preserving.bodyTouched() ? request : preserving, response);
    }

    private boolean isMountedWithBody(HttpServletRequest request) {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            return false;
        }
        boolean parsedBefore = ServletRequestPathUtils.hasParsedRequestPath(request);
        try {
            return mounts.match(ServletRequestPathUtils.parseAndCache(request).pathWithinApplication()) != null;
        }
        finally {
            if (!parsedBefore) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
