package dev.gatewayinterface.reactive;

import dev.gatewayinterface.test.tck.GatewayTck;
import dev.gatewayinterface.test.tck.HttpTckBinding;
import dev.gatewayinterface.test.tck.TckBinding;
import dev.gatewayinterface.test.tck.TckDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Run the conformance suite on WebFlux and Reactor Netty, over real HTTP.
 */
@ReactiveGatewayTest
class ReactiveTckTests extends GatewayTck {

    @LocalServerPort
    int port;

    @Autowired
    TckDispatcher dispatcher;

    @Override
    protected TckBinding binding() {
        return new HttpTckBinding(dispatcher, port, "/tck");
    }
}
