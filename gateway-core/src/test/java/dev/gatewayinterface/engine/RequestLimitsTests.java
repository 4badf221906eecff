package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Check when a body is too long or too slow, and that limits no request could meet are refused (docs/SPEC.md §14).
 */
class RequestLimitsTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void findsABodyTooLongOnlyPastTheLimit() {
        RequestLimits limits = RequestLimits.DEFAULTS.withMaxRequestBody(10, "gateway.limits.max-request-body");
        assertThat(limits.bodyTooLong(10)).isFalse();
        assertThat(limits.bodyTooLong(11)).isTrue();
        assertThat(limits.withMaxRequestBody(-1, "none").bodyTooLong(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void holdsTheBodyRateOnlyOnceTheGraceIsOver() {
        RequestLimits limits = RequestLimits.DEFAULTS.withMinBodyRate(100, Duration.ofSeconds(2));
        assertThat(limits.bodyTooSlow(1, SECOND)).as("within the grace").isFalse();
        assertThat(limits.bodyTooSlow(250, 3 * SECOND)).as("fewer than 100 bytes a second").isTrue();
        assertThat(limits.bodyTooSlow(300, 3 * SECOND)).as("100 bytes a second").isFalse();
        assertThat(limits.withMinBodyRate(0, Duration.ZERO).bodyTooSlow(0, 3600 * SECOND)).as("no minimum").isFalse();
    }

    @Test
    void refusesLimitsNoRequestCouldMeet() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RequestLimits(8, 8192, 100, -1, "gateway.limits.max-request-body", 0, Duration.ZERO))
            .withMessageContaining("line 8");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> RequestLimits.DEFAULTS.withMaxRequestBody(-2, "gateway.limits.max-request-body"));
    }
}
