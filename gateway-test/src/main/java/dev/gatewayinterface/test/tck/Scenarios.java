package dev.gatewayinterface.test.tck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * List every conformance scenario, grouped by the part of docs/SPEC.md they check.
 */
public final class Scenarios {

    /** Orders "§6.4" after "§6.1" and "§10.1" after "§9", keeping the order within a section. */
    private static final Comparator<Scenario> SPEC_ORDER = Comparator.comparing(Scenario::section,
            Comparator.comparing(Scenarios::sectionNumbers, Arrays::compare));

    private Scenarios() {
    }

    /**
     * Return all scenarios, in SPEC order.
     * @return the scenarios
     */
    public static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(BodyScenarios.all());
        all.addAll(LifecycleScenarios.all());
        all.addAll(EnvironScenarios.all());
        all.addAll(MoreEnvironScenarios.all());
        all.addAll(InputScenarios.all());
        all.addAll(StartResponseScenarios.all());
        all.addAll(ErrorScenarios.all());
        all.addAll(FileWrapperScenarios.all());
        all.sort(SPEC_ORDER);
        return List.copyOf(all);
    }

    private static int[] sectionNumbers(String section) {
        return Arrays.stream(section.substring(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
