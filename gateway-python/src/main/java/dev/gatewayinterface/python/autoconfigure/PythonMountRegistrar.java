package dev.gatewayinterface.python.autoconfigure;

import dev.gatewayinterface.autoconfigure.MountDefinition;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Declare one {@link MountDefinition} bean per {@code gateway.python.apps.<name>}, named
 * {@code gatewayPython.<name>}, so that each application is mounted beside the {@code Application} beans.
 */
final class PythonMountRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

    private Environment environment;

    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Binder binder = Binder.get(environment);
        Map<String, GatewayPythonProperties.App> apps = binder
            .bind("gateway.python.apps", Bindable.mapOf(String.class, GatewayPythonProperties.App.class))
            .orElse(Map.of());
        for (String name : apps.keySet()) {
            // An application left unmounted is not started: its contexts would cost seconds and memory for nothing.
            boolean enabled = mounted(binder, name);
            RootBeanDefinition definition = new RootBeanDefinition(MountDefinition.class, () -> {
                PythonApplications applications = beanFactory.getBean(PythonApplications.class);
                return enabled ? applications.mount(name) : applications.unstarted(name);
            });
            // Stopped before the applications' pool and runtime, which PythonApplications owns.
            definition.setDependsOn(GatewayPythonAutoConfiguration.APPLICATIONS_BEAN);
            registry.registerBeanDefinition("gatewayPython." + name, definition);
        }
    }

    /** Tell whether the named application is mounted, and so started: {@code gateway.apps.<name>.enabled}. */
    static boolean mounted(Binder binder, String name) {
        return binder.bind("gateway.apps." + name + ".enabled", Boolean.class).orElse(true);
    }
}
