package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.middleware.Middleware;
import dev.gatewayinterface.middleware.errors.ErrorCatcher;
import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Log one INFO line per mount once the web server listens: the application's name, where it answers, on which
 * stack and threads, and whether the contract validator checks it, so that the first startup says what is
 * served where. A mount whose error pages show stack traces ({@code ErrorCatcher.debug}) gets a WARN line too,
 * unless {@code server.address} keeps the server on the loopback interface.
 */
final class MountsStartupLog implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger logger = LoggerFactory.getLogger(Mounts.class);

    private static final Predicate<Middleware> DEBUG_ERROR_PAGES = wrapper -> wrapper instanceof ErrorCatcher catcher
            && catcher.isDebug();

    private final Mounts mounts;

    MountsStartupLog(Mounts mounts) {
        this.mounts = mounts;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            // Actuator's own server (management.server.port) serves no mount; its event reaches this context too.
            return;
        }
        String server = event.getWebServer().getClass().getSimpleName().replace("WebServer", "");
        boolean reactive = event.getApplicationContext().getClass().getSimpleName().contains("Reactive");
        boolean virtual = event.getApplicationContext().getEnvironment()
            .getProperty("spring.threads.virtual.enabled", Boolean.class, false) && Runtime.version().feature() >= 21;
        String threads = reactive ? "on gatewayTaskExecutor's " + (virtual ? "virtual" : "pooled") + " threads"
                : "on " + server + "'s " + (virtual ? "virtual" : "request") + " threads";
        String address = event.getApplicationContext().getEnvironment().getProperty("server.address");
        for (Mount mount : mounts.all()) {
            logger.info("Mounted '{}' at {} on {} ({}), {}, validator {}", mount.name(), mount.path(), server,
                    reactive ? "WebFlux" : "Spring MVC", threads, wraps(mount, ContractValidator.class::isInstance)
                            ? "on" : "off");
            if (wraps(mount, DEBUG_ERROR_PAGES) && !loopback(address)) {
                logger.warn("Mount '{}' shows stack traces through ErrorCatcher.debug while the server listens on {} "
                        + "(server.address): behind a proxy on this host every client looks local and reads them; "
                        + "set server.address=127.0.0.1, or use new ErrorCatcher(...) outside development",
                        mount.name(), address == null ? "every address" : address);
            }
        }
    }

    private static boolean wraps(Mount mount, Predicate<Middleware> wanted) {
        Application application = mount.gateway().application();
        while (application instanceof Middleware wrapper) {
            if (wanted.test(wrapper)) {
                return true;
            }
            application = wrapper.next();
        }
        return false;
    }

    /** Tell whether server.address binds the loopback interface only; unset, the server listens on every one. */
    private static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            // The server itself fails to start on an address it cannot resolve, and says so.
            return false;
        }
    }
}
