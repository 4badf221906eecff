package dev.gatewayinterface.shutdown;

/**
 * Check graceful shutdown on WebFlux and Reactor Netty, in a process ended with {@code SIGTERM}.
 */
class ReactiveGracefulShutdownTests extends GracefulShutdownContractTests {

    @Override
    protected String webApplicationType() {
        return "reactive";
    }
}
