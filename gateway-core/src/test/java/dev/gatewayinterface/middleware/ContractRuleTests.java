package dev.gatewayinterface.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Check that {@link ContractRule} and docs/SPEC.md agree: every rule of §1–§9 has a check or a stated reason
 * to have none, every check names a section that exists, and every check is triggered by a test.
 */
class ContractRuleTests {

    /** Where docs/SPEC.md is, from the module directory Maven runs tests in. */
    private static final Path SPEC = Path.of("../docs/SPEC.md");

    /** The sections whose rules the validator must cover: the contract proper, not mounting (§10). */
    private static final Pattern COVERED = Pattern.compile("[1-9]");

    /**
     * The sections a middleware cannot observe: what the server does below it, with the reason for each.
     * A section listed here has no {@link ContractRule}; docs/SPEC.md §11.1 lists the same ones.
     */
    private static final Map<String, String> SERVER_INTERNAL = Map.of(
            "§1.4", "The server reads a body's length and file below the middleware, which passes them on.",
            "§3.4", "A middleware cannot tell a deployer key from any other key; §2 still checks their values.",
            "§4.3", "Why a read of the body fails, and how the server answers the client's fault, happens below the "
                    + "middleware, which sees the IOException pass as it came.",
            "§6.1", "When headers go out happens below the middleware, which sees only start_response.",
            "§6.2", "Flushing each chunk before taking the next happens below the middleware.",
            "§6.4", "What the server sends for HEAD, 1xx, 204 and 304 happens below the middleware; the "
                    + "validator's own, stricter rule on such bodies is §11.2.",
            "§7", "How the server answers a failure (500, abort, logging) happens below the middleware.",
            "§9", "Concurrency is not visible from one request's calls, and wsgi.multithread may rightly be "
                    + "false under SerializedApplication; its type is checked under §3.1.");

    private static final Pattern HEADING = Pattern.compile("^(##|###) (\\d+)(?:\\.(\\d+))?\\.? ", Pattern.MULTILINE);

    private static Set<String> sections;

    private static Set<String> rules;

    @BeforeAll
    static void readSpec() throws IOException {
        sections = new LinkedHashSet<>();
        rules = new LinkedHashSet<>();
        Matcher heading = HEADING.matcher(Files.readString(SPEC));
        String parent = null;
        while (heading.find()) {
            String section = "§" + heading.group(2) + (heading.group(3) == null ? "" : "." + heading.group(3));
            sections.add(section);
            if (heading.group(1).equals("###")) {
                // A section with subsections states its rules in them, not in its own heading.
                rules.remove(parent);
            }
            else {
                parent = section;
            }
            if (COVERED.matcher(heading.group(2)).matches()) {
                rules.add(section);
            }
        }
    }

    @Test
    void readsTheNumberedSectionsOfTheSpec() {
        assertThat(rules).contains("§1.1", "§2", "§3.1", "§5.5", "§6.3", "§7", "§8", "§9")
            .doesNotContain("§1", "§3", "§10.1", "§11.2");
    }

    @Test
    void checksEverySectionOfTheContractOrSaysWhyItCannot() {
        Set<String> checked = Arrays.stream(ContractRule.values()).map(ContractRule::section).collect(Collectors.toSet());
        for (String section : rules) {
            assertThat(checked.contains(section) || SERVER_INTERNAL.containsKey(section))
                .as("SPEC %s has a ContractRule or a reason in SERVER_INTERNAL", section).isTrue();
        }
        assertThat(SERVER_INTERNAL.keySet()).as("server-internal sections that have a check after all")
            .doesNotContainAnyElementsOf(checked).isSubsetOf(rules);
    }

    @Test
    void namesOnlySectionsThatExist() {
        for (ContractRule rule : ContractRule.values()) {
            assertThat(sections).as("section of %s", rule).contains(rule.section());
        }
    }

    @Test
    void triggersEveryRuleInSomeTest() {
        Set<ContractRule> triggered = Stream.of(ContractValidatorEnvironTests.triggers(),
                ContractValidatorStartResponseTests.triggers(), ContractValidatorApplicationTests.triggers(),
                ContractValidatorServerTests.triggers())
            .flatMap(triggers -> triggers)
            .map(Trigger::rule)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ContractRule.class)));
        assertThat(EnumSet.complementOf(EnumSet.copyOf(triggered))).as("rules no test triggers").isEmpty();
    }

    @Test
    void givesEveryRuleAUniqueLowerCaseIdAndADescription() {
        assertThat(Arrays.stream(ContractRule.values()).map(ContractRule::id)).doesNotHaveDuplicates()
            .allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
        // Ids are spelled out rather than derived from the constants, so that renaming a constant keeps its id.
        assertThat(ContractRule.values()).allSatisfy(rule -> assertThat(rule.description()).endsWith("."));
    }

    @Test
    void prefixesEveryMessageAndNamesTheSection() {
        ContractViolationException violation = new ContractViolationException(ContractRule.HEADER_NAME,
                "header name \"X Bad\" is not an HTTP token", null);
        assertThat(violation).hasMessage("[gateway-validator] SPEC §5.2: header name \"X Bad\" is not an HTTP token");
        assertThat(violation.section()).isEqualTo("§5.2");
        assertThat(violation.rule()).isEqualTo(ContractRule.HEADER_NAME);
    }

    @Test
    void blamesTheServerForEnvironAndBodyHandlingRulesAndTheApplicationForItsResponse() {
        assertThat(ContractRule.ENVIRON_REQUIRED_KEY.bindsServer()).isTrue();
        assertThat(ContractRule.BODY_NEVER_CLOSED.bindsServer()).isTrue();
        assertThat(ContractRule.BODY_USED_AFTER_CLOSE.bindsServer()).isTrue();
        assertThat(ContractRule.HEADER_NAME.bindsServer()).isFalse();
        assertThat(ContractRule.CONTENT_LENGTH_SHORT.bindsServer()).isFalse();
        assertThat(ContractRule.BODY_BEFORE_START.bindsServer()).isFalse();
        assertThat(Arrays.stream(ContractRule.values()).filter(ContractRule::bindsServer))
            .allSatisfy(rule -> assertThat(rule.section()).isNotIn("§11.2", "§11.3"));
    }
}
