package dev.gatewayinterface.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Check that docs/DEPLOYMENT.md shows only configurations the deployment tests run: every nginx, YAML or Dockerfile
 * snippet names its file of docs/deploy in a comment above it, and stands in that file as it is shown.
 */
class DeploymentGuideTests {

    private static final Pattern BLOCK = Pattern.compile("(?m)^(?:<!-- (\\S+) -->\\n)?```(\\w*)\\n(.*?)^```$",
            Pattern.DOTALL);

    private static final List<String> CONFIGURATIONS = List.of("nginx", "yaml", "dockerfile");

    @Test
    void showsEachConfigurationAsItStandsInTheFileTheTestsRun() throws IOException {
        String guide = Files.readString(ItPaths.root().resolve("docs/DEPLOYMENT.md"));
        Matcher block = BLOCK.matcher(guide);
        List<String> checked = new ArrayList<>();
        while (block.find()) {
            if (!CONFIGURATIONS.contains(block.group(2))) {
                continue;
            }
            assertThat(block.group(1)).as("the file comment above the %s snippet%n%s", block.group(2), block.group(3))
                .isNotNull()
                .startsWith("docs/deploy/");
            Path file = ItPaths.root().resolve(block.group(1));
            assertThat(Files.readString(file)).as(block.group(1)).contains(block.group(3));
            checked.add(block.group(1));
        }
        assertThat(checked).contains("docs/deploy/nginx/gateway.conf", "docs/deploy/nginx/upstream.conf",
                "docs/deploy/nginx/uwsgi.conf", "docs/deploy/nginx/uwsgi-upstream.conf",
                "docs/deploy/kubernetes/deployment.yaml");
    }

    @Test
    void linksEveryFileOfTheDeployFolder() throws IOException {
        String guide = Files.readString(ItPaths.root().resolve("docs/DEPLOYMENT.md"));
        try (var files = Files.walk(ItPaths.root().resolve("docs/deploy"))) {
            List<String> links = files.filter(Files::isRegularFile)
                .map(file -> "(" + ItPaths.root().resolve("docs").relativize(file).toString().replace('\\', '/') + ")")
                .toList();
            assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(guide).contains(link));
        }
    }
}
