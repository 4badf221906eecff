package dev.gatewayinterface.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gatewayinterface.Application;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Check that {@link Stack} calls its layers in the order they are listed, the first one outermost.
 */
class StackTests {

    private final List<String> calls = new ArrayList<>();

    @Test
    void callsTheFirstLayerFirstAndTheApplicationLast() throws Exception {
        Application app = Stack.of(recording("outer"), recording("middle")).then(recording("inner"))
            .around((environ, start) -> {
                calls.add("application");
                return List.of();
            });
        app.call(Map.of(), (status, headers, excInfo) -> null);
        assertThat(calls).containsExactly("outer", "middle", "inner", "application");
    }

    @Test
    void returnsTheApplicationItselfWhenEmpty() {
        Application app = (environ, start) -> List.of();
        assertThat(Stack.of().around(app)).isSameAs(app);
    }

    @Test
    void buildsNewMiddlewareForEachApplication() {
        Stack stack = Stack.of(SerializedApplication::new);
        Application first = (environ, start) -> List.of();
        Application second = (environ, start) -> List.of();
        assertThat(((Middleware) stack.around(first)).next()).isSameAs(first);
        assertThat(((Middleware) stack.around(second)).next()).isSameAs(second);
    }

    @Test
    void refusesALayerThatReturnsNullNamingIt() {
        Stack stack = Stack.of(recording("outer"), next -> null);
        assertThatIllegalArgumentException().isThrownBy(() -> stack.around((environ, start) -> List.of()))
            .withMessage("layer 1 of the stack returned null instead of an application");
    }

    private UnaryOperator<Application> recording(String name) {
        return next -> (environ, start) -> {
            calls.add(name);
            return next.call(environ, start);
        };
    }
}
