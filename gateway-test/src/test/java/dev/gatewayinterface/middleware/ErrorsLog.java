package dev.gatewayinterface.middleware;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Capture what a logger and those below it log, until closed: by default what applications write to
 * {@code wsgi.errors}, which the engine logs a line at a time under {@code dev.gatewayinterface.errors}
 * (docs/SPEC.md §4.2).
 */
public final class ErrorsLog implements AutoCloseable {

    private final Logger logger;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private final Level previousLevel;

    /** Start capturing {@code wsgi.errors}. */
    public ErrorsLog() {
        this("dev.gatewayinterface.errors", Level.WARN);
    }

    /**
     * Start capturing a logger.
     * @param name the logger's name; {@code "ROOT"} for every logger
     * @param level the lowest level to capture
     */
    public ErrorsLog(String name, Level level) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        this.previousLevel = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(level);
    }

    /**
     * Return the lines logged so far, one per log entry, as formatted.
     * @return the lines
     */
    public List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * Return everything logged so far, stack traces included, as one text.
     * @return the text
     */
    public String everything() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : appender.list) {
            text.append(event.getFormattedMessage()).append('\n');
            for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
                text.append(proxy.getClassName()).append(": ").append(proxy.getMessage()).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
    }
}
