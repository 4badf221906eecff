package dev.gatewayinterface.python;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route GraalPy's own log messages to SLF4J under {@code dev.gatewayinterface.python.engine}, instead of stderr,
 * where the engine writes them by default.
 */
final class Slf4jLogHandler extends Handler {

    private static final Logger logger = LoggerFactory.getLogger("dev.gatewayinterface.python.engine");

    @Override
    public void publish(LogRecord record) {
        int level = record.getLevel().intValue();
        String message = "[" + record.getLoggerName() + "] " + record.getMessage();
        if (level >= Level.SEVERE.intValue()) {
            logger.error(message, record.getThrown());
        }
        else if (level >= Level.WARNING.intValue()) {
            logger.warn(message, record.getThrown());
        }
        else if (level >= Level.INFO.intValue()) {
            logger.info(message, record.getThrown());
        }
        else {
            logger.debug(message, record.getThrown());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
