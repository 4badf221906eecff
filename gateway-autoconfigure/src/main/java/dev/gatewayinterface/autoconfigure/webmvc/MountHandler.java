package dev.gatewayinterface.autoconfigure.webmvc;

import dev.gatewayinterface.servlet.ServletGatewayAdapter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.HttpRequestHandler;

/**
 * Serve the requests {@link GatewayHandlerMapping} routed to one mount.
 */
final class MountHandler implements HttpRequestHandler {

    static final String SPLIT_ATTRIBUTE = MountHandler.class.getName() + ".split";

    private final ServletGatewayAdapter adapter;

    MountHandler(ServletGatewayAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Split split = (Split) request.getAttribute(SPLIT_ATTRIBUTE);
        adapter.service(request, response, split.rawScriptName(), split.rawPathInfo());
    }

    /** Carry the raw path split that the mapping computed. */
    record Split(String rawScriptName, String rawPathInfo) {
    }
}
