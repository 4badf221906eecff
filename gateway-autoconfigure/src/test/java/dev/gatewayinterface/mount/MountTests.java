package dev.gatewayinterface.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.engine.GatewayOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Check that a {@link Mount} holds a normal path and describes itself with a path pattern.
 */
class MountTests {

    private final Gateway gateway = new Gateway((environ, start) -> List.of(), GatewayOptions.defaults("app"));

    @ParameterizedTest(name = "''{0}'' has pattern ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            /      | /**
            /a     | /a/**
            /a/    | /a/**
            /a/b   | /a/b/**
            /café  | /café/**
            """)
    void describesItselfWithAPathPatternBelowItsPath(String path, String pattern) {
        assertThat(new Mount("app", path, gateway).pattern()).isEqualTo(pattern);
    }

    @Test
    void normalisesItsPath() {
        Mount mount = new Mount("app", "/a/b/", gateway);
        assertThat(mount.path()).isEqualTo("/a/b");
        assertThat(mount.segments()).containsExactly("a", "b");
    }

    @Test
    void hasNoSegmentsAtTheRoot() {
        assertThat(new Mount("app", "/", gateway).segments()).isEmpty();
    }

    @Test
    void rejectsAnInvalidPath() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Mount("app", "/a/*", gateway))
                .withMessageContaining("'/a/*'");
    }

    @Test
    void requiresANameAndAGateway() {
        assertThatNullPointerException().isThrownBy(() -> new Mount(null, "/", gateway))
                .withMessage("name must not be null");
        assertThatNullPointerException().isThrownBy(() -> new Mount("app", "/", null))
                .withMessage("gateway must not be null");
    }
}
