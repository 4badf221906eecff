package dev.gatewayinterface.tckguide;

import dev.gatewayinterface.test.tck.GatewayTck;
import dev.gatewayinterface.test.tck.HttpTckBinding;
import dev.gatewayinterface.test.tck.TckBinding;
import dev.gatewayinterface.test.tck.TckDispatcher;
import dev.gatewayinterface.testsupport.WithoutSecurity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

// The example of docs/TESTING.md, word for word; this module's class path has Spring Security, which it leaves out.
@TestPropertySource(properties = WithoutSecurity.EXCLUDED)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "gateway.apps.tck.path=/tck")
class MyServerTckTests extends GatewayTck {

    @LocalServerPort
    int port;

    @Autowired
    TckDispatcher dispatcher; // declared as a bean: @Bean TckDispatcher tck() { return new TckDispatcher(); }

    @Override
    protected TckBinding binding() {
        return new HttpTckBinding(dispatcher, port, "/tck");
    }
}
