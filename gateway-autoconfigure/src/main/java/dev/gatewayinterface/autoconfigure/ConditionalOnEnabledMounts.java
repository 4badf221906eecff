package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Application;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Match unless every mountable application is turned off with {@code gateway.apps.<name>.enabled=false}, so
 * that a binding creates no threads for an application that mounts nothing. A {@link MountDefinition}, whose
 * name is known only once it exists, always counts as enabled.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnEnabledMounts.OnEnabledMounts.class)
public @interface ConditionalOnEnabledMounts {

    /** Look at the names of the Application beans and at their {@code enabled} properties. */
    final class OnEnabledMounts extends SpringBootCondition implements ConfigurationCondition {

        /** Once the user's bean definitions are registered, as for Spring Boot's bean conditions. */
        @Override
        public ConfigurationPhase getConfigurationPhase() {
            return ConfigurationPhase.REGISTER_BEAN;
        }

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var beans = context.getBeanFactory();
            if (beans == null || beans.getBeanNamesForType(MountDefinition.class, true, false).length > 0) {
                return ConditionOutcome.match("a MountDefinition may be enabled");
            }
            String[] applications = beans.getBeanNamesForType(Application.class, true, false);
            boolean anyEnabled = Arrays.stream(applications).anyMatch(name -> context.getEnvironment()
                .getProperty("gateway.apps." + name + ".enabled", Boolean.class, true));
            return anyEnabled ? ConditionOutcome.match("an Application bean is enabled")
                    : ConditionOutcome.noMatch("every Application bean is disabled by gateway.apps.<name>.enabled");
        }
    }
}
