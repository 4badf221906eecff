package dev.gatewayinterface.test;

import dev.gatewayinterface.test.tck.GatewayTck;
import dev.gatewayinterface.test.tck.TckBinding;
import dev.gatewayinterface.test.tck.TestClientTckBinding;

/**
 * Run the conformance suite in-process, through the test client.
 */
class TestClientTckTests extends GatewayTck {

    @Override
    protected TckBinding binding() {
        return new TestClientTckBinding();
    }
}
