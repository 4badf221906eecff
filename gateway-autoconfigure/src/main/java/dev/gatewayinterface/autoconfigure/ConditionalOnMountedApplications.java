package dev.gatewayinterface.autoconfigure;

import dev.gatewayinterface.Application;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;

/**
 * Match when there is something to mount: an {@link Application} bean or a {@link MountDefinition}, so that a
 * stack's binding adds nothing to an application that mounts nothing.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnMountedApplications.OnMountedApplications.class)
public @interface ConditionalOnMountedApplications {

    /** Match on either kind of mounted application. */
    final class OnMountedApplications extends AnyNestedCondition {

        OnMountedApplications() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(Application.class)
        static final class ApplicationBeans {

        }

        @ConditionalOnBean(MountDefinition.class)
        static final class MountDefinitions {

        }
    }
}
