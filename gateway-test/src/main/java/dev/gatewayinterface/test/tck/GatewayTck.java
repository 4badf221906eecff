package dev.gatewayinterface.test.tck;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Run the conformance suite — every scenario of {@link Scenarios} — against a server binding.
 *
 * <p>A binding's build runs it by extending this class:
 *
 * <pre>{@code
 * class MyServerTckTests extends GatewayTck {
 *     @Override
 *     protected TckBinding binding() {
 *         return new MyServerBinding();
 *     }
 * }
 * }</pre>
 *
 * Each scenario becomes one test, named by its docs/SPEC.md section. Scenario applications run inside
 * {@code ContractValidator}, and a scenario also fails if the binding broke a rule of the contract.
 */
public abstract class GatewayTck {

    /**
     * Return the binding to test. Called once per run, inside the test instance, so injected fields (a
     * server port, say) are available.
     * @return the binding
     */
    protected abstract TckBinding binding();

    @TestFactory
    Stream<DynamicTest> conformance() {
        TckBinding binding = binding();
        return Scenarios.all().stream().map(scenario -> DynamicTest.dynamicTest(scenario.displayName(), () -> {
            TckContext context = new TckContext(binding);
            scenario.body().run(context);
            context.assertServerKeptTheContract();
        }));
    }
}
