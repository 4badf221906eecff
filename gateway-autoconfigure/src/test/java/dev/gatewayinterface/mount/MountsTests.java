package dev.gatewayinterface.mount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.engine.GatewayOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.server.PathContainer;

/**
 * Check the mount rule of {@link Mounts} (docs/SPEC.md §10): the longest mount whose segments equal the
 * request's leading segments, compared decoded and without path parameters, wins; the raw path is split on
 * its own literal {@code /} separators into the raw mount path ({@code SCRIPT_NAME} tail) and the raw
 * {@code PATH_INFO}, so an encoded {@code %2F} never moves the split.
 */
class MountsTests {

    /** Listed shallowest first, so that the deepest-first rule cannot come from the order given. */
    private final Mounts withRoot = mounts("/", "/a", "/a/b", "/café");

    private final Mounts withoutRoot = mounts("/a", "/a/b", "/café");

    @ParameterizedTest(name = "''{0}'' goes to ''{1}'' as ''{2}'' + ''{3}''")
    @CsvSource(delimiter = '|', textBlock = """
            ''                 | /     | ''               | ''
            /                  | /     | ''               | /
            /x/y               | /     | ''               | /x/y
            /x/y/              | /     | ''               | /x/y/
            /a                 | /a    | /a               | ''
            /a/                | /a    | /a               | /
            /a/x               | /a    | /a               | /x
            /a/x/              | /a    | /a               | /x/
            /ab                | /     | ''               | /ab
            /A                 | /     | ''               | /A
            /a/bc              | /a    | /a               | /bc
            /a/b               | /a/b  | /a/b             | ''
            /a/b/              | /a/b  | /a/b             | /
            /a/b/c             | /a/b  | /a/b             | /c
            /a/b/c/d           | /a/b  | /a/b             | /c/d
            /café/x            | /café | /café            | /x
            /caf%C3%A9/x       | /café | /caf%C3%A9       | /x
            /caf%c3%a9         | /café | /caf%c3%a9       | ''
            /%61/x             | /a    | /%61             | /x
            /a/x%20y           | /a    | /a               | /x%20y
            /a%2Fb             | /     | ''               | /a%2Fb
            /a/b%2Fc           | /a    | /a               | /b%2Fc
            /a%2F              | /     | ''               | /a%2F
            /a;jsessionid=1/x  | /a    | /a;jsessionid=1  | /x
            /a/b;v=1           | /a/b  | /a/b;v=1         | ''
            /a//b              | /a    | /a               | //b
            //a                | /     | ''               | //a
            """)
    void routesAPathToTheLongestMatchingMountAndSplitsItRaw(String rawPath, String mountPath, String rawMountPath,
            String rawPathInfo) {
        Mounts.Match match = withRoot.match(PathContainer.parsePath(rawPath));
        assertThat(match).isNotNull();
        assertThat(match.mount().path()).isEqualTo(mountPath);
        assertThat(match.rawMountPath()).isEqualTo(rawMountPath);
        assertThat(match.rawPathInfo()).isEqualTo(rawPathInfo);
        assertThat(match.rawMountPath() + match.rawPathInfo()).isEqualTo(rawPath);
    }

    @ParameterizedTest(name = "''{0}'' is outside every mount")
    @CsvSource(delimiter = '|', textBlock = """
            ''
            /
            /ab
            /b/a
            /A
            /a%2Fb
            /a%2F
            //a
            /caf
            /cafe
            """)
    void matchesNothingOutsideEveryMount(String rawPath) {
        assertThat(withoutRoot.match(PathContainer.parsePath(rawPath))).isNull();
    }

    @Test
    void matchesNothingWithoutMounts() {
        assertThat(mounts().match(PathContainer.parsePath("/a"))).isNull();
    }

    @Test
    void listsTheMountsDeepestFirst() {
        assertThat(withRoot.all()).extracting(Mount::path).first().isEqualTo("/a/b");
        assertThat(withRoot.all()).extracting(Mount::path).last().isEqualTo("/");
        assertThat(withRoot.all()).extracting(Mount::path).containsExactlyInAnyOrder("/", "/a", "/a/b", "/café");
    }

    private static Mounts mounts(String... paths) {
        return new Mounts(List.of(paths).stream().map(MountsTests::mount).toList());
    }

    private static Mount mount(String path) {
        return new Mount("app" + path, path, new Gateway((environ, start) -> List.of(), GatewayOptions.defaults(path)));
    }
}
