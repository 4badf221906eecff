package dev.gatewayinterface.test.tck;

import java.util.ArrayList;
import java.util.List;

/**
 * List every conformance scenario, grouped by the part of docs/SPEC.md they check.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * Return all scenarios, in SPEC order.
     * @return the scenarios
     */
    public static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(EnvironScenarios.all());
        all.addAll(BodyScenarios.all());
        return List.copyOf(all);
    }
}
