package dev.gatewayinterface.benchmarks.server;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answer {@code /hello} and {@code /echo} from a plain {@code @RestController} (profile {@code controller}): the
 * baseline of the Spring MVC mount.
 */
@RestController
@Profile("controller")
class PlainController {

    @GetMapping(path = "/hello", produces = MediaType.TEXT_PLAIN_VALUE)
    byte[] hello() {
        return Payloads.HELLO;
    }

    @GetMapping(path = "/echo", produces = MediaType.TEXT_PLAIN_VALUE)
    byte[] echo(HttpServletRequest request) {
        return Payloads.echo(request.getQueryString());
    }
}
