package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.middleware.Middleware;
import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Log one INFO line per mount once the web server listens: the application's name, where it answers, on which
 * stack and threads, and whether the contract validator checks it, so that the first startup says what is
 * served where.
 */
final class MountsStartupLog implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger logger = LoggerFactory.getLogger(Mounts.class);

    private final Mounts mounts;

    MountsStartupLog(Mounts mounts) {
        this.mounts = mounts;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String server = event.getWebServer().getClass().getSimpleName().replace("WebServer", "");
        boolean reactive = event.getApplicationContext().getClass().getSimpleName().contains("Reactive");
        boolean virtual = event.getApplicationContext().getEnvironment()
            .getProperty("spring.threads.virtual.enabled", Boolean.class, false) && Runtime.version().feature() >= 21;
        String threads = reactive ? "on gatewayTaskExecutor's " + (virtual ? "virtual" : "pooled") + " threads"
                : "on " + server + "'s " + (virtual ? "virtual" : "request") + " threads";
        for (Mount mount : mounts.all()) {
            logger.info("Mounted '{}' at {} on {} ({}), {}, validator {}", mount.name(), mount.path(), server,
                    reactive ? "WebFlux" : "Spring MVC", threads, validated(mount) ? "on" : "off");
        }
    }

    private static boolean validated(Mount mount) {
        Application application = mount.gateway().application();
        while (application instanceof Middleware wrapper) {
            if (wrapper instanceof ContractValidator) {
                return true;
            }
            application = wrapper.next();
        }
        return false;
    }
}
