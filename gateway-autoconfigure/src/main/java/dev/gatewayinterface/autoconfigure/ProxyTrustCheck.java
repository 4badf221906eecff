package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.engine.TrustedProxies;
import dev.gatewayinterface.mount.Mounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Warn once the web server listens when forwarded headers are believed in a way that lets a client forge its
 * address or scheme: {@code gateway.proxy.trusted} covering every address, or a {@code server.forward-headers-strategy}
 * that trusts more peers than the proxies for Spring's own handlers (docs/DEPLOYMENT.md). Mounts follow
 * {@code gateway.proxy.trusted} whatever the strategy (docs/SPEC.md §16), except on a server whose own forwarded
 * support rewrites the request before any binding sees it, where a spoofing client reaches the mounts too.
 */
final class ProxyTrustCheck implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger logger = LoggerFactory.getLogger(Mounts.class);

    private static final String GUIDE = " (docs/DEPLOYMENT.md, \"Forwarded headers\")";

    private final TrustedProxies trusted;

    ProxyTrustCheck(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            // A separate management server: the main server's event already checked the same settings.
            return;
        }
        String server = event.getWebServer().getClass().getSimpleName().replace("WebServer", "");
        boolean reactive = event.getApplicationContext().getClass().getSimpleName().contains("Reactive");
        Environment environment = event.getApplicationContext().getEnvironment();
        warnings(environment, server, reactive).forEach(logger::warn);
        if (trusted.isEmpty() && !strategy(environment).equals("none")) {
            logger.info("Mounted applications trust no proxy (gateway.proxy.trusted is empty): their REMOTE_ADDR and "
                    + "wsgi.url_scheme describe the connection, whatever server.forward-headers-strategy tells Spring's "
                    + "own handlers" + GUIDE);
        }
    }

    /**
     * Return the warnings the settings deserve on the given server.
     * @param environment the application's environment
     * @param server the web server's short name: {@code Tomcat}, {@code Netty}, {@code Jetty}, …
     * @param reactive whether the server serves WebFlux
     * @return one message per way a client can forge forwarded values
     */
    List<String> warnings(Environment environment, String server, boolean reactive) {
        List<String> warnings = new ArrayList<>(2);
        if (trusted.trustsEveryAddress()) {
            warnings.add("gateway.proxy.trusted=" + trusted + " trusts every address, so any client that reaches the "
                    + "server can forge REMOTE_ADDR, wsgi.url_scheme and SERVER_NAME for mounted applications; list "
                    + "only the proxies' addresses" + GUIDE);
        }
        String strategy = strategy(environment);
        String why = configuredStrategy(environment) == null
                ? " (Spring Boot turned it on for " + CloudPlatform.getActive(environment) + ")" : "";
        // Only the Spring MVC binding on Tomcat and the WebFlux binding on Reactor Netty read the connection's facts.
        boolean mountsKeepTheConnection = server.equals(reactive ? "Netty" : "Tomcat");
        String forged = "so any client%s can forge the address and scheme that controllers, redirects and Spring "
                + "Security see; mounted applications follow gateway.proxy.trusted (" + trusted + ") instead. ";
        if (!strategy.equals("none") && !mountsKeepTheConnection && (reactive || strategy.equals("native"))) {
            warnings.add("server.forward-headers-strategy=" + strategy + why + " rewrites every request on " + server
                    + " from its forwarded headers before the gateway sees it, so a client can forge what mounted "
                    + "applications see too; use none, and gateway.proxy.trusted" + GUIDE);
        }
        else if (strategy.equals("framework")) {
            warnings.add("server.forward-headers-strategy=framework believes forwarded headers from every client, "
                    + forged.formatted("") + "Use none, or native with the proxies' addresses" + GUIDE);
        }
        else if (strategy.equals("native") && server.equals("Tomcat")
                && environment.getProperty("server.tomcat.remoteip.internal-proxies") == null
                && environment.getProperty("server.tomcat.remoteip.trusted-proxies") == null) {
            warnings.add("server.forward-headers-strategy=native" + why + " makes Tomcat believe forwarded headers "
                    + "from every loopback and private address, " + forged.formatted(" in those networks (another pod "
                    + "of the cluster)") + "Set server.tomcat.remoteip.internal-proxies to the proxies' addresses"
                    + GUIDE);
        }
        else if (strategy.equals("native") && server.equals("Netty")) {
            warnings.add("server.forward-headers-strategy=native" + why + " makes Reactor Netty believe forwarded "
                    + "headers from every client, " + forged.formatted("") + "Use none unless nothing but the proxy "
                    + "can reach this server" + GUIDE);
        }
        return warnings;
    }

    /** Return the strategy in force: the property, or the one Spring Boot chooses on a cloud platform. */
    private static String strategy(Environment environment) {
        String configured = configuredStrategy(environment);
        if (configured != null) {
            return configured.strip().toLowerCase(Locale.ROOT);
        }
        CloudPlatform platform = CloudPlatform.getActive(environment);
        return platform != null && platform.isUsingForwardHeaders() ? "native" : "none";
    }

    private static String configuredStrategy(Environment environment) {
        return Binder.get(environment).bind("server.forward-headers-strategy", String.class).orElse(null);
    }
}
