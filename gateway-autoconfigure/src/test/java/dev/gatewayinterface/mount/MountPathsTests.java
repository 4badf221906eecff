package dev.gatewayinterface.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Check which mount paths {@link MountPaths} accepts, their normal form, and that each rejection names the
 * rule and quotes the value.
 */
class MountPathsTests {

    @ParameterizedTest(name = "''{0}'' normalises to ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            /          | /
            /a         | /a
            /a/        | /a
            /a/b       | /a/b
            /a/b/      | /a/b
            /café      | /café
            /a.b       | /a.b
            /..a       | /..a
            /a../b     | /a../b
            /~user     | /~user
            /a-b_c     | /a-b_c
            /v1:beta   | /v1:beta
            """)
    void normalisesAValidPathByDroppingItsTrailingSlash(String path, String normal) {
        assertThat(MountPaths.normalize(path)).isEqualTo(normal);
    }

    @ParameterizedTest(name = "''{0}'' is already normal")
    @CsvSource({ "/", "/a", "/a/b", "/café" })
    void leavesANormalPathUnchanged(String path) {
        assertThat(MountPaths.normalize(MountPaths.normalize(path))).isEqualTo(path);
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""       | A mount path must start with '/', not ''
            a        | A mount path must start with '/', not 'a'
            nope     | A mount path must start with '/', not 'nope'
            a/b/     | A mount path must start with '/', not 'a/b/'
            /a//b    | A mount path must not contain an empty segment: '/a//b'
            //a      | A mount path must not contain an empty segment: '//a'
            /a/*     | A mount path is literal: '*' is not allowed in '/a/*'
            /a/**    | A mount path is literal: '*' is not allowed in '/a/**'
            /a?b     | A mount path is literal: '?' is not allowed in '/a?b'
            /{id}    | A mount path is literal: '{' is not allowed in '/{id}'
            /a%2Fb   | A mount path is literal: '%' is not allowed in '/a%2Fb'
            /a;v=1   | A mount path is literal: ';' is not allowed in '/a;v=1'
            /a\\b    | A mount path is literal: '\\' is not allowed in '/a\\b'
            "/a b"   | A mount path is literal: ' ' is not allowed in '/a b'
            /.       | A mount path must not contain '.' or '..' segments: '/.'
            /..      | A mount path must not contain '.' or '..' segments: '/..'
            /a/./b   | A mount path must not contain '.' or '..' segments: '/a/./b'
            /a/../b  | A mount path must not contain '.' or '..' segments: '/a/../b'
            /a/../   | A mount path must not contain '.' or '..' segments: '/a/../'
            """)
    void rejectsAnInvalidPathNamingTheRuleAndQuotingTheValue(String path, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> MountPaths.normalize(path)).withMessage(message);
    }

    @Test
    void rejectsAMissingPath() {
        assertThatIllegalArgumentException().isThrownBy(() -> MountPaths.normalize(null))
                .withMessage("A mount path must start with '/', not 'null'");
    }

    @Test
    void rejectsAControlCharacter() {
        assertThatIllegalArgumentException().isThrownBy(() -> MountPaths.normalize("/a\tb"))
                .withMessage("A mount path is literal: '\t' is not allowed in '/a\tb'");
    }

    @ParameterizedTest(name = "''{0}'' has segments {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /      | []
            /a     | [a]
            /a/b   | [a, b]
            /café  | [café]
            """)
    void splitsANormalPathIntoItsSegments(String path, String segments) {
        assertThat(MountPaths.segments(path)).hasToString(segments);
    }
}
