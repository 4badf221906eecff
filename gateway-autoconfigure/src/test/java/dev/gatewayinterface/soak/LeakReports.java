package dev.gatewayinterface.soak;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/**
 * Catch the reports of Netty's leak detector, which it logs as {@code LEAK: ...} once a buffer that was never
 * released has been collected, and make it report now: collect garbage, then allocate, since each tracked
 * allocation reports what the collector found unreleased.
 */
final class LeakReports implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);

    private final ListAppender<ILoggingEvent> reports = new ListAppender<>();

    private LeakReports() {
        reports.start();
        logger.addAppender(reports);
    }

    /** Start catching reports. */
    static LeakReports catching() {
        return new LeakReports();
    }

    /** Let the collector find unreleased buffers and the detector report them; return every report so far. */
    List<String> collect() {
        for (int round = 0; round < 5; round++) {
            System.gc();
            for (int i = 0; i < 100; i++) {
                ByteBufAllocator.DEFAULT.buffer(8).release();
            }
        }
        synchronized (reports) {
            return reports.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains("LEAK"))
                .toList();
        }
    }

    /** Leak a buffer on purpose, so that a test can see the detector report it. */
    static void leakOne() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(8);
        // The detector reports a leak whose records it reported before only once per JVM: a hint of its own makes
        // each canary new.
        leaked.touch("canary " + UUID.randomUUID());
        leaked.writeLong(42);
    }

    @Override
    public void close() {
        logger.detachAppender(reports);
        reports.stop();
    }
}
