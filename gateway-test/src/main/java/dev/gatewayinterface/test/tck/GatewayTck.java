package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Application;
import java.util.function.UnaryOperator;
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
 *
 * <p>To prove that middleware keeps the contract, override {@link #middleware()}: every scenario's application
 * then runs inside it, with a validator on both sides, and a scenario also fails if the middleware broke a rule
 * towards the server or towards the application.
 */
public abstract class GatewayTck {

    /**
     * Return the binding to test. Called once per run, inside the test instance, so injected fields (a
     * server port, say) are available.
     * @return the binding
     */
    protected abstract TckBinding binding();

    /**
     * Return the middleware every scenario's application runs inside. It must pass the scenarios' requests on to
     * the application (a router with a route for every path, an authentication that the request satisfies).
     * @return a layer that wraps an application, or {@code null}, the default, to run applications as they are
     */
    protected UnaryOperator<Application> middleware() {
        return null;
    }

    @TestFactory
    Stream<DynamicTest> conformance() {
        TckBinding binding = binding();
        UnaryOperator<Application> middleware = middleware();
        return Scenarios.all().stream().map(scenario -> DynamicTest.dynamicTest(scenario.displayName(), () -> {
            TckContext context = new TckContext(binding, middleware);
            scenario.body().run(context);
            context.assertServerKeptTheContract();
        }));
    }
}
