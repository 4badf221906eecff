package dev.gatewayinterface.middleware.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Check the fixed-password {@link CredentialCheck}.
 */
class CredentialCheckTests {

    private final CredentialCheck check = CredentialCheck.of(Map.of("ada", "lovelace", "grace", ""));

    @Test
    void acceptsEachUsersOwnPasswordOnly() {
        assertThat(check.matches("ada", "lovelace")).isTrue();
        assertThat(check.matches("grace", "")).isTrue();
        assertThat(check.matches("ada", "")).isFalse();
        assertThat(check.matches("grace", "lovelace")).isFalse();
        assertThat(check.matches("ada", "lovelacE")).isFalse();
        assertThat(check.matches("ada", "lovelace ")).isFalse();
    }

    @Test
    void refusesAnUnknownUserWhateverThePassword() {
        assertThat(check.matches("nobody", "lovelace")).isFalse();
        assertThat(check.matches("nobody", "\0no such user\0")).isFalse();
        assertThat(check.matches("Ada", "lovelace")).isFalse();
    }
}
