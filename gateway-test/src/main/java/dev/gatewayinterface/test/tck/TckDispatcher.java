package dev.gatewayinterface.test.tck;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.StartResponse;
import java.util.Map;

/**
 * Stand in, on a running server, for whichever application the current scenario serves: mount one of
 * these where {@link HttpTckBinding} sends its requests.
 */
public final class TckDispatcher implements Application {

    private volatile Application current;

    /**
     * Serve this application from the next request on.
     * @param application the scenario's application
     */
    public void serve(Application application) {
        this.current = application;
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        Application application = current;
        if (application == null) {
            throw new IllegalStateException("No scenario is being served");
        }
        return application.call(environ, startResponse);
    }
}
