package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.engine.UnderscoreHeaders;
import dev.gatewayinterface.mount.MountPaths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configure how {@code Application} beans are mounted and what their environ holds.
 */
@ConfigurationProperties("gateway")
public class GatewayProperties {

    /**
     * Settings of each mounted application, keyed by the name of its Application bean.
     */
    private final Map<String, App> apps = new LinkedHashMap<>();

    /**
     * Name/value pairs added to every environ. The request's own keys take precedence.
     */
    private final Map<String, String> environ = new LinkedHashMap<>();

    /**
     * Whether to run every mounted application inside the contract validator, which checks both sides of
     * the contract at each request and fails a request that breaks it. Meant for development and tests.
     */
    private boolean validate;

    private final Headers headers = new Headers();

    private final Servlet servlet = new Servlet();

    public Map<String, App> getApps() {
        return apps;
    }

    public Map<String, String> getEnviron() {
        return environ;
    }

    public boolean isValidate() {
        return validate;
    }

    public void setValidate(boolean validate) {
        this.validate = validate;
    }

    public Headers getHeaders() {
        return headers;
    }

    public Servlet getServlet() {
        return servlet;
    }

    /**
     * Settings of one mounted application.
     */
    public static class App {

        /**
         * Whether to mount this application.
         */
        private boolean enabled = true;

        /**
         * Path the application is mounted at: its SCRIPT_NAME below the context and servlet paths.
         * Literal segments only. Defaults to "/" when a single application is mounted.
         */
        private String path;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = MountPaths.normalize(path);
        }
    }

    /**
     * Settings for request headers.
     */
    public static class Headers {

        /**
         * What to do with request headers whose names contain an underscore, which would collide with
         * dashed names in the environ: drop them, or keep them.
         */
        private UnderscoreHeaders underscores = UnderscoreHeaders.DROP;

        public UnderscoreHeaders getUnderscores() {
            return underscores;
        }

        public void setUnderscores(UnderscoreHeaders underscores) {
            this.underscores = underscores;
        }
    }

    /**
     * Settings of the Spring MVC binding.
     */
    public static class Servlet {

        /**
         * Most bytes of a request body recorded for the mounted application when a filter reads the body
         * (or asks for form parameters) before the application does.
         */
        private DataSize bodyReplayLimit = DataSize.ofMegabytes(2);

        public DataSize getBodyReplayLimit() {
            return bodyReplayLimit;
        }

        public void setBodyReplayLimit(DataSize bodyReplayLimit) {
            if (bodyReplayLimit == null || bodyReplayLimit.toBytes() < 0
                    || bodyReplayLimit.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(
                        "gateway.servlet.body-replay-limit must be between 0 and 2GB, not " + bodyReplayLimit);
            }
            this.bodyReplayLimit = bodyReplayLimit;
        }
    }
}
