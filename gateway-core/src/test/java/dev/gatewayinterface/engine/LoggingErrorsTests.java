package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Check that {@code wsgi.errors} turns text into one WARN entry per line under
 * {@code dev.gatewayinterface.errors}, tagged with the application, and never throws (docs/SPEC.md §4.2).
 */
class LoggingErrorsTests {

    private static final String LOGGER = "dev.gatewayinterface.errors";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);

    private final LoggingErrors errors = new LoggingErrors("shop");

    private Level previousLevel;

    @BeforeEach
    void attachAppender() {
        previousLevel = logger.getLevel();
        // logback-test.xml turns logging off; WARN is the level this logger must work at.
        logger.setLevel(Level.WARN);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detachAppender() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(previousLevel);
    }

    @Test
    void logsOneWarningPerLineUnderTheErrorsLoggerWithTheApplicationsName() {
        errors.write("first problem\nsecond problem\n");
        assertThat(appender.list).hasSize(2).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getLoggerName()).isEqualTo(LOGGER);
            assertThat(event.getArgumentArray()).contains("shop");
        });
        assertThat(messages()).containsExactly("[shop] first problem", "[shop] second problem");
    }

    @Test
    void holdsAPartialLineUntilItsNewline() {
        errors.write("par");
        errors.write("tial");
        assertThat(appender.list).isEmpty();
        errors.write(" line\nnext");
        assertThat(messages()).containsExactly("[shop] partial line");
    }

    @Test
    void logsAPartialLineOnFlushOnlyOnce() {
        errors.write("no newline");
        errors.flush();
        errors.flush();
        assertThat(messages()).containsExactly("[shop] no newline");
    }

    @Test
    void logsNothingOnFlushWhenNothingIsPending() {
        errors.write("complete\n");
        errors.flush();
        assertThat(messages()).containsExactly("[shop] complete");
    }

    @Test
    void keepsBlankLinesAsEntries() {
        errors.write("a\n\nb\n");
        assertThat(messages()).containsExactly("[shop] a", "[shop] ", "[shop] b");
    }

    @Test
    void writesLinesWithoutAddingSeparators() {
        errors.writeLines(List.of("one\n", "tw", "o\nthr", "ee"));
        errors.flush();
        assertThat(messages()).containsExactly("[shop] one", "[shop] two", "[shop] three");
    }

    @Test
    void ignoresNull() {
        errors.write(null);
        errors.writeLines(null);
        errors.writeLines(Arrays.asList("kept\n", null, "also kept\n"));
        errors.flush();
        assertThat(messages()).containsExactly("[shop] kept", "[shop] also kept");
    }

    @Test
    void escapesACarriageReturnSoThatNoWrittenLinePassesForALogLineOfItsOwn() {
        errors.write("user=alice\r2026-12-06 INFO [main] admin logged in\n");
        assertThat(messages()).containsExactly("[shop] user=alice\\r2026-12-06 INFO [main] admin logged in");
    }

    @Test
    void escapesNulAndOtherControlCharactersButKeepsTabs() {
        errors.write("nul \u0000 bell \u0007 esc \u001b[31m nel \u0085 tab\tok\n");
        assertThat(messages()).containsExactly("[shop] nul \\x00 bell \\x07 esc \\x1b[31m nel \\x85 tab\tok");
    }

    @Test
    void dropsTheCarriageReturnOfACrlfLineEnding() {
        errors.write("windows line\r\n");
        assertThat(messages()).containsExactly("[shop] windows line");
    }

    @Test
    void acceptsAnyText() {
        assertThatNoException().isThrownBy(() -> {
            errors.write("nul \u0000, lone surrogate \ud800, emoji \ud83d\ude00, bell \u0007\n");
            errors.write("\r\n");
            errors.flush();
        });
        assertThat(messages()).hasSize(2).first().asString().contains("\ud800", "\ud83d\ude00");
    }

    @Test
    void neverThrowsWhenLoggingItselfFails() {
        LoggerContext context = logger.getLoggerContext();
        AtomicInteger calls = new AtomicInteger();
        TurboFilter broken = new TurboFilter() {

            @Override
            public FilterReply decide(Marker marker, Logger eventLogger, Level level, String format, Object[] params,
                    Throwable t) {
                if (LOGGER.equals(eventLogger.getName())) {
                    calls.incrementAndGet();
                    throw new IllegalStateException("logging backend is broken");
                }
                return FilterReply.NEUTRAL;
            }
        };
        broken.start();
        context.addTurboFilter(broken);
        try {
            assertThatNoException().isThrownBy(() -> {
                errors.write("line\n");
                errors.write("partial");
                errors.flush();
            });
        }
        finally {
            context.getTurboFilterList().remove(broken);
        }
        assertThat(calls).as("the broken backend was really called").hasValue(2);
    }

    private List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
