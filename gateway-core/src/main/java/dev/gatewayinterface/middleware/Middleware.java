package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Application;

/**
 * Mark an application that wraps another, so that tools can show a mount's middleware chain. Implement it in
 * your own middleware to have it listed by the actuator endpoint.
 */
public interface Middleware extends Application {

    /**
     * Return the application this middleware calls.
     * @return the wrapped application
     */
    Application next();
}
