package dev.gatewayinterface.middleware;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Capture what applications write to {@code wsgi.errors}, which the engine logs a line at a time under
 * {@code dev.gatewayinterface.errors} (docs/SPEC.md §4.2), until closed.
 */
public final class ErrorsLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.gatewayinterface.errors");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private final Level previousLevel = logger.getLevel();

    /** Start capturing. */
    public ErrorsLog() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.WARN);
    }

    /**
     * Return the lines logged so far, one per log entry, as formatted.
     * @return the lines
     */
    public List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
