package dev.gatewayinterface.mount;

import dev.gatewayinterface.engine.RequestObserver;
import dev.gatewayinterface.engine.RequestOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Combine request observers, so that a mount's statistics, its metrics and any other observer each hear of
 * every request.
 */
public final class RequestObservers {

    private RequestObservers() {
    }

    /**
     * Return an observer that tells each of the given observers, in order.
     * @param observers the observers
     * @return the combined observer; the single one itself when only one is given
     */
    public static RequestObserver of(List<RequestObserver> observers) {
        List<RequestObserver> all = List.copyOf(observers);
        if (all.isEmpty()) {
            return RequestObserver.NONE;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        return exchange -> {
            List<RequestObserver.Request> requests = new ArrayList<>(all.size());
            for (RequestObserver observer : all) {
                requests.add(observer.requestStarted(exchange));
            }
            return new RequestObserver.Request() {

                @Override
                public void responseStarted(int status) {
                    requests.forEach(request -> request.responseStarted(status));
                }

                @Override
                public void responseEnded() {
                    requests.forEach(RequestObserver.Request::responseEnded);
                }

                @Override
                public void requestEnded(RequestOutcome outcome) {
                    requests.forEach(request -> request.requestEnded(outcome));
                }
            };
        };
    }
}
