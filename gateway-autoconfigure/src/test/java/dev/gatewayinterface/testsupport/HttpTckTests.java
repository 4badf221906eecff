package dev.gatewayinterface.testsupport;

import dev.gatewayinterface.test.tck.GatewayTck;
import dev.gatewayinterface.test.tck.HttpTckBinding;
import dev.gatewayinterface.test.tck.TckBinding;
import dev.gatewayinterface.test.tck.TckDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Run the conformance suite over real HTTP against the {@link TckDispatcher} that {@link TestApplications} mounts
 * at {@code /tck}. Each stack runs it through a subclass carrying its own Spring Boot test annotation; the suite
 * extends {@link GatewayTck}, so this class cannot share {@link ServerTests}.
 */
public abstract class HttpTckTests extends GatewayTck {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TckDispatcher dispatcher;

    @Override
    protected TckBinding binding() {
        return new HttpTckBinding(dispatcher, port, "/tck");
    }
}
