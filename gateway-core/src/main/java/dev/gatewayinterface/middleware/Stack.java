package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Application;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Compose middleware around an application, listed in the order a request passes through them: the first layer
 * is the outermost, as in a Rack {@code Builder}, a Django {@code MIDDLEWARE} list or a Paste pipeline.
 *
 * <p>A layer is any {@code UnaryOperator<Application>}: a middleware constructor ({@code ErrorCatcher::new}) or a
 * lambda that configures one ({@code next -> new BasicAuthentication(next, "shop", users)}). A stack is immutable
 * and may wrap any number of applications; each {@link #around} call builds new middleware. docs/MIDDLEWARE.md
 * shows a whole composition.
 *
 * <pre>{@code
 * Application app = Stack.of(
 *         ErrorCatcher::new,                                     // sees every failure below it
 *         next -> new StaticFiles(next, "/assets", files),       // answers what it can without the rest
 *         next -> new BasicAuthentication(next, "shop", users))  // then checks who calls
 *     .around(router);                                           // and last the application itself
 * }</pre>
 */
public final class Stack {

    private final List<UnaryOperator<Application>> layers;

    private Stack(List<UnaryOperator<Application>> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * Create a stack of layers, outermost first.
     * @param layers the layers, in the order a request passes through them
     * @return the stack
     */
    @SafeVarargs
    public static Stack of(UnaryOperator<Application>... layers) {
        for (int i = 0; i < layers.length; i++) {
            Objects.requireNonNull(layers[i], "layer " + i + " of the stack must not be null");
        }
        return new Stack(Arrays.asList(layers));
    }

    /**
     * Return a stack with one more layer inside the existing ones, next to the application.
     * @param layer the innermost layer
     * @return a new stack
     */
    public Stack then(UnaryOperator<Application> layer) {
        Objects.requireNonNull(layer, "layer must not be null");
        List<UnaryOperator<Application>> more = new ArrayList<>(layers);
        more.add(layer);
        return new Stack(more);
    }

    /**
     * Wrap an application in every layer, the last layer first, so that the first one is called first.
     * @param application the application at the bottom of the stack
     * @return the outermost middleware, or the application itself for an empty stack
     * @throws IllegalArgumentException if a layer returns {@code null}
     */
    public Application around(Application application) {
        Application wrapped = Objects.requireNonNull(application, "application must not be null");
        for (int i = layers.size() - 1; i >= 0; i--) {
            wrapped = layers.get(i).apply(wrapped);
            if (wrapped == null) {
                throw new IllegalArgumentException("layer " + i + " of the stack returned null instead of an application");
            }
        }
        return wrapped;
    }

    /**
     * Return the layers, outermost first.
     * @return an unmodifiable list
     */
    public List<UnaryOperator<Application>> layers() {
        return layers;
    }
}
