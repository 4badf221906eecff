package dev.gatewayinterface.autoconfigure.webmvc;

import dev.gatewayinterface.servlet.TomcatConnectionValve;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Put a {@link TomcatConnectionValve} in front of the {@code RemoteIpValve} that
 * {@code server.forward-headers-strategy=native} adds, so that mounts keep the connection's own facts (docs/SPEC.md
 * §16); without a {@code RemoteIpValve} nothing rewrites the request and nothing is added. Runs after Spring Boot's
 * own customizer, which adds that valve.
 */
final class TomcatConnectionValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<Valve> valves = new ArrayList<>(factory.getEngineValves());
        if (valves.stream().anyMatch(RemoteIpValve.class::isInstance)) {
            valves.add(0, new TomcatConnectionValve());
            factory.setEngineValves(valves);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
