package dev.gatewayinterface.middleware;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.test.tck.GatewayTck;
import dev.gatewayinterface.test.tck.TckBinding;
import dev.gatewayinterface.test.tck.TestClientTckBinding;
import dev.gatewayinterface.middleware.auth.BasicAuthentication;
import dev.gatewayinterface.middleware.auth.BearerAuthentication;
import dev.gatewayinterface.middleware.auth.CredentialCheck;
import dev.gatewayinterface.middleware.errors.ErrorCatcher;
import dev.gatewayinterface.middleware.files.FileSource;
import dev.gatewayinterface.middleware.files.StaticFiles;
import dev.gatewayinterface.middleware.routing.Dispatcher;
import dev.gatewayinterface.middleware.routing.Router;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;

/**
 * Run the conformance suite through each middleware of this package, with a validator on both sides of it:
 * middleware that passes a request on must keep every rule a server keeps, and every rule an application keeps.
 */
class MiddlewareTckTests {

    /** Run the suite in-process through the given middleware. */
    abstract static class ThroughMiddleware extends GatewayTck {

        @Override
        protected TckBinding binding() {
            return new TestClientTckBinding();
        }
    }

    @Nested
    class ForwardingBodyTck extends ThroughMiddleware {

        @Override
        protected UnaryOperator<Application> middleware() {
            // The smallest middleware that touches the response: a stack of one layer that rewraps the body.
            return next -> Stack.of(app -> (environ, start) -> new ForwardingBody(app.call(environ, start))).around(next);
        }
    }

    @Nested
    class DispatcherTck extends ThroughMiddleware {

        @Override
        protected UnaryOperator<Application> middleware() {
            // The scenarios check SCRIPT_NAME and PATH_INFO as the binding made them, so they take the fallback.
            return next -> new Dispatcher(Map.of("/elsewhere", Dispatcher.notFound()), next);
        }
    }

    @Nested
    class RouterTck extends ThroughMiddleware {

        @Override
        protected UnaryOperator<Application> middleware() {
            return next -> Router.builder().route(Router.ANY_METHOD, "/{*path}", next).build();
        }
    }

    @Nested
    class ErrorCatcherTck extends ThroughMiddleware {

        @Override
        protected UnaryOperator<Application> middleware() {
            // The error scenarios pass as they are: the catcher's page is the server's own.
            return ErrorCatcher::new;
        }
    }

    @Nested
    class StaticFilesTck extends ThroughMiddleware {

        @Override
        protected UnaryOperator<Application> middleware() {
            // At the root, so every scenario's path is looked up first; none names a file, so all fall through.
            return next -> new StaticFiles(next, "", FileSource.classPath(getClass().getClassLoader(), "static-test"));
        }
    }

    @Nested
    class BasicAuthenticationTck extends ThroughMiddleware {

        @Override
        protected UnaryOperator<Application> middleware() {
            return next -> authorized("Basic Ym9iOmJ1aWxkZXI=",
                    new BasicAuthentication(next, "tck", CredentialCheck.of(Map.of("bob", "builder"))));
        }
    }

    @Nested
    class BearerAuthenticationTck extends ThroughMiddleware {

        @Override
        protected UnaryOperator<Application> middleware() {
            return next -> authorized("Bearer tck-token", new BearerAuthentication(next, "tck",
                    token -> token.equals("tck-token") ? Optional.of("bob") : Optional.empty()));
        }
    }

    /** Stand in for a client that authenticates: the scenarios' requests carry no Authorization of their own. */
    private static Application authorized(String authorization, Application application) {
        return (environ, start) -> {
            environ.put("HTTP_AUTHORIZATION", authorization);
            return application.call(environ, start);
        };
    }
}
