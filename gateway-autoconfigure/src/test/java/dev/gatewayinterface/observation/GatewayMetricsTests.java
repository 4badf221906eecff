package dev.gatewayinterface.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Check that docs/METRICS.md lists exactly the meters {@link GatewayMetrics} declares, as they are declared.
 */
class GatewayMetricsTests {

    @Test
    void documentsEveryMeterInMetricsMd() throws Exception {
        List<String> documented = Files.readAllLines(Path.of("../docs/METRICS.md")).stream()
            .filter(line -> line.startsWith("| `gateway."))
            .toList();
        List<String> declared = Arrays.stream(GatewayMetrics.values()).map(GatewayMetricsTests::row).toList();
        assertThat(documented).containsExactlyElementsOf(declared);
    }

    @Test
    void usesDistinctNames() {
        assertThat(Arrays.stream(GatewayMetrics.values()).map(GatewayMetrics::getName)).doesNotHaveDuplicates();
    }

    private static String row(GatewayMetrics meter) {
        String tags = meter.getTags().stream().map(tag -> "`" + tag + "`").collect(Collectors.joining(", "));
        return "| `" + meter.getName() + "` | " + meter.getType() + " | " + tags + " | " + meter.getDescription() + " |";
    }
}
