package dev.gatewayinterface.demo;

import dev.gatewayinterface.Environ;
import java.util.Map;

/**
 * Tell the demo applications when a request wants headers only.
 */
final class Head {

    private Head() {
    }

    /** Return whether the request is a {@code HEAD}, whose response carries no body. */
    static boolean requested(Map<String, Object> environ) {
        return "HEAD".equals(environ.get(Environ.REQUEST_METHOD));
    }
}
