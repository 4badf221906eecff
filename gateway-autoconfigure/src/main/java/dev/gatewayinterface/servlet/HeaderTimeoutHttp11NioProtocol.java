package dev.gatewayinterface.servlet;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Serve HTTP/1.1 as Tomcat's NIO connector does, but close a connection whose client takes longer than the
 * request-header timeout to send a request's head once its first byte came (docs/SPEC.md §14). Tomcat's own
 * timeouts count from the last byte read, so a client that dribbles a header line now and then (slowloris) keeps a
 * connection, and a thread's share of the poller, for ever; Reactor Netty's guard counts from the first byte too.
 *
 * <p>Every quarter of the timeout, at most every second, the connector's utility executor looks at each connection
 * whose request head is still arriving, and hands an expired one to a worker as an error, which closes it: the way
 * Tomcat's poller times out a read itself.
 */
public class HeaderTimeoutHttp11NioProtocol extends Http11NioProtocol {

    /** The request attribute of a file Tomcat sends after the response (its {@code sendfile} support). */
    private static final String SENDFILE_ATTRIBUTE = "org.apache.tomcat.sendfile.filename";

    private Duration requestHeaderTimeout;

    private ScheduledFuture<?> sweeper;

    /**
     * Return the longest time from a request's first byte to the end of its head.
     * @return the timeout, or {@code null} when none applies
     */
    public Duration getRequestHeaderTimeout() {
        return requestHeaderTimeout;
    }

    /**
     * Set the longest time from a request's first byte to the end of its head; before {@link #start()}.
     * @param requestHeaderTimeout the timeout, or {@code null} for none
     */
    public void setRequestHeaderTimeout(Duration requestHeaderTimeout) {
        this.requestHeaderTimeout = requestHeaderTimeout;
    }

    @Override
    public void start() throws Exception {
        super.start();
        if (requestHeaderTimeout != null) {
            long period = Math.max(50, Math.min(1000, requestHeaderTimeout.toMillis() / 4));
            sweeper = getUtilityExecutor().scheduleWithFixedDelay(this::closeSlowHeads, period, period,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() throws Exception {
        if (sweeper != null) {
            sweeper.cancel(false);
            sweeper = null;
        }
        super.stop();
    }

    private void closeSlowHeads() {
        long now = System.nanoTime();
        long timeout = requestHeaderTimeout.toNanos();
        for (SocketWrapperBase<NioChannel> connection : getEndpoint().getConnections()) {
            if (!connection.isClosed() && connection.getCurrentProcessor() instanceof Http11Processor processor
                    && !processor.isAsync() && arrivingSince(processor.getRequest(), now) > timeout) {
                // An error event makes a worker close the connection under its lock, as the poller's own timeout does.
                getEndpoint().processSocket(connection, SocketEvent.ERROR, true);
            }
        }
    }

    /**
     * Return how long the request's head has been arriving, or 0 when none is. A processor stays with its connection
     * between requests only while a head is incomplete: a worker holds it while the request is served, and it is
     * released once the response is out, but for a file still being sent, which is no head.
     */
    private static long arrivingSince(Request request, long now) {
        long start = request.getStartTimeNanos();
        boolean arriving = start != -1 && request.getAttribute(SENDFILE_ATTRIBUTE) == null;
        return arriving ? now - start : 0;
    }
}
