package dev.gatewayinterface.servlet;

import dev.gatewayinterface.test.tck.GatewayTck;
import dev.gatewayinterface.test.tck.HttpTckBinding;
import dev.gatewayinterface.test.tck.TckBinding;
import dev.gatewayinterface.test.tck.TckDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Run the conformance suite on Spring MVC and Tomcat, over real HTTP.
 */
@ServletGatewayTest
class ServletTckTests extends GatewayTck {

    @LocalServerPort
    int port;

    @Autowired
    TckDispatcher dispatcher;

    @Override
    protected TckBinding binding() {
        return new HttpTckBinding(dispatcher, port, "/tck");
    }
}
