package dev.gatewayinterface.shutdown;

/**
 * Check graceful shutdown on Spring MVC and Tomcat, in a process ended with {@code SIGTERM}.
 */
class ServletGracefulShutdownTests extends GracefulShutdownContractTests {

    @Override
    protected String webApplicationType() {
        return "servlet";
    }
}
