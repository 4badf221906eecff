package dev.gatewayinterface.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Check that gateway-bom manages every published module of the build, at the build's own version: it has no
 * parent to take the version from, so nothing else keeps the two in step. The demo and the deployment tests (gateway-it) are not published; a
 * module that sets
 * {@code maven.deploy.skip}, such as benchmarks, is not published and so not managed.
 */
class GatewayBomTests {

    private static final Path ROOT = Path.of("..");

    private static final Pattern ARTIFACT = Pattern.compile(
            "<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void managesEveryPublishedModuleAtTheBuildsVersion() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String version = firstMatch(parent, "<artifactId>gateway-parent</artifactId>\\s*<version>([^<]+)</version>");
        List<String> published = Pattern.compile("<module>([^<]+)</module>").matcher(parent).results()
            .map(module -> module.group(1))
            // The published modules are the gateway-* ones; demo-app, quickstart-it and gateway-it are run, never published.
            .filter(module -> module.startsWith("gateway-") && !module.equals("gateway-bom")
                && !module.equals("gateway-it"))
            .toList();
        Matcher managed = ARTIFACT.matcher(Files.readString(ROOT.resolve("gateway-bom/pom.xml")));
        List<String> entries = managed.results().map(entry -> entry.group(1) + ":" + entry.group(2))
            .filter(entry -> entry.startsWith("gateway-") && !entry.startsWith("gateway-bom:"))
            .collect(Collectors.toList());
        assertThat(entries).containsExactlyInAnyOrderElementsOf(
                published.stream().map(module -> module + ":" + version).toList());
        assertThat(Files.readString(ROOT.resolve("gateway-bom/pom.xml")))
            .contains("<artifactId>gateway-bom</artifactId>\n  <version>" + version + "</version>");
    }

    private static String firstMatch(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
