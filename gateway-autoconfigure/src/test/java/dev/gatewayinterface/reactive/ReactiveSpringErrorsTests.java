package dev.gatewayinterface.reactive;

import dev.gatewayinterface.testsupport.SpringErrorsContractTests;

/**
 * Check that applications with {@code errors=spring} have their failures answered by Spring Boot's
 * ErrorWebExceptionHandler on Reactor Netty, signalled from outside the DispatcherHandler.
 */
@ReactiveGatewayTest
class ReactiveSpringErrorsTests extends SpringErrorsContractTests {
}
