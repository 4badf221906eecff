package dev.gatewayinterface.autoconfigure.actuate;

import java.util.Map;

/**
 * Describe a listener that serves the mounts beside the web server, such as the uwsgi listener, under
 * {@code listeners} at {@code /actuator/gateway}. Declare it as a bean.
 */
public interface GatewayListener {

    /**
     * Return the listener's name, its key under {@code listeners}.
     * @return the name, such as {@code "uwsgi"}
     */
    String name();

    /**
     * Describe the listener now; called on every read of the endpoint, so cheap and never blocking.
     * @return its figures by name, values that serialise to JSON
     */
    Map<String, Object> state();
}
