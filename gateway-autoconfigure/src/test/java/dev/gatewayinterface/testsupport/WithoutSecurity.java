package dev.gatewayinterface.testsupport;

/**
 * Leave out the Spring Security this module's tests have on the class path, as a property for tests whose
 * application class is a documented example that must stay as the docs show it (the README's quick start, the
 * TCK example of docs/TESTING.md) and so cannot carry {@link UnsecuredServletApplication}.
 */
public final class WithoutSecurity {

    /** The {@code spring.autoconfigure.exclude} property naming every Spring Security auto-configuration. */
    public static final String EXCLUDED = "spring.autoconfigure.exclude="
            + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration";

    private WithoutSecurity() {
    }
}
