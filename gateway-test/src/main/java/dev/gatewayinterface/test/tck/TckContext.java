package dev.gatewayinterface.test.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.middleware.ContractViolationException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Give a scenario the binding under test, and watch the binding's side of the contract while it runs, and the
 * middleware's when the suite runs applications inside one.
 */
public final class TckContext {

    private final TckBinding binding;

    private final UnaryOperator<Application> middleware;

    private final List<ContractViolationException> violations = new CopyOnWriteArrayList<>();

    private final List<ContractViolationException> aroundMiddleware = new CopyOnWriteArrayList<>();

    TckContext(TckBinding binding, UnaryOperator<Application> middleware) {
        this.binding = binding;
        this.middleware = middleware;
    }

    /**
     * Serve one request with the application inside {@link ContractValidator}, which checks the environ the
     * binding builds and how it uses the body; the scenario fails if the binding breaks a rule. Inside
     * middleware, a second validator around the middleware checks it as an application, and the first one
     * checks it as a server.
     * @param application the scenario's application, which keeps the contract
     * @param request the request, its target below the mount path
     * @return what the client received
     * @throws Exception if the request could not be made
     */
    public TckResponse send(Application application, TckRequest request) throws Exception {
        Application validated = new ContractValidator(application, violations::add);
        if (middleware == null) {
            return binding.send(validated, request);
        }
        return binding.send(new ContractValidator(middleware.apply(validated), aroundMiddleware::add), request);
    }

    /**
     * Serve one request with the application as it is, for scenarios whose application breaks the contract
     * on purpose to see how the binding copes: under the validator its misstep would be thrown instead.
     * @param application the scenario's application
     * @param request the request, its target below the mount path
     * @return what the client received
     * @throws Exception if the request could not be made
     */
    public TckResponse sendAsIs(Application application, TckRequest request) throws Exception {
        return binding.send(middleware == null ? application : middleware.apply(application), request);
    }

    /**
     * Fail if the validator saw the binding, not an application, break a rule; or, around middleware, if the
     * middleware broke any rule, towards the server or towards the application.
     */
    void assertServerKeptTheContract() {
        assertThat(violations.stream().filter(violation -> violation.rule().bindsServer()))
            .as("violations of the contract by the binding")
            .isEmpty();
        assertThat(aroundMiddleware).as("violations of the contract by the middleware or the binding").isEmpty();
    }

    /**
     * Return the raw mount path of the binding, which starts every {@code SCRIPT_NAME}.
     * @return the mount path
     */
    public String mountPath() {
        return binding.mountPath();
    }

    /**
     * Tell whether requests travel over a real connection.
     * @return {@code true} for an HTTP binding
     */
    public boolean overTheWire() {
        return binding.overTheWire();
    }
}
