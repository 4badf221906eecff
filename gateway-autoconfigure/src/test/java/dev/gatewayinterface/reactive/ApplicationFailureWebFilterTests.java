package dev.gatewayinterface.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;

/**
 * Check that {@link ApplicationFailureWebFilter} turns a failure the handler left to it into an error of the filter
 * chain for the exception handlers, and that without the filter the handler signals the failure itself.
 */
class ApplicationFailureWebFilterTests {

    private final IllegalStateException failure = new IllegalStateException("boom");

    private final AtomicReference<Throwable> handled = new AtomicReference<>();

    private final AtomicReference<Throwable> fromHandler = new AtomicReference<>();

    private final WebHandler failingHandler = exchange -> ApplicationFailureWebFilter.signal(exchange, failure)
        .doOnError(fromHandler::set);

    @Test
    void signalsAFailureTheHandlerLeftToItOnceTheHandlerCompleted() {
        serve(WebHttpHandlerBuilder.webHandler(failingHandler).filter(new ApplicationFailureWebFilter()));
        assertThat(fromHandler.get()).isNull();
        assertThat(handled.get()).isSameAs(failure);
    }

    @Test
    void letsTheHandlerSignalTheFailureWhereTheFilterIsNotInTheChain() {
        serve(WebHttpHandlerBuilder.webHandler(failingHandler));
        assertThat(fromHandler.get()).isSameAs(failure);
        assertThat(handled.get()).isSameAs(failure);
    }

    @Test
    void passesARequestWithoutAFailureThrough() {
        MockServerHttpResponse response = serve(WebHttpHandlerBuilder.webHandler(exchange -> Mono.fromRunnable(
                () -> exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT))).filter(new ApplicationFailureWebFilter()));
        assertThat(handled.get()).isNull();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void runsLastAmongTheFilters() {
        assertThat(new ApplicationFailureWebFilter().getOrder()).isEqualTo(Integer.MAX_VALUE);
    }

    private MockServerHttpResponse serve(WebHttpHandlerBuilder builder) {
        HttpHandler handler = builder.exceptionHandler((exchange, error) -> {
            handled.set(error);
            exchange.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
            return Mono.empty();
        }).build();
        MockServerHttpResponse response = new MockServerHttpResponse();
        handler.handle(MockServerHttpRequest.get("/").build(), response).block();
        return response;
    }
}
