package dev.gatewayinterface.autoconfigure;

import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * List the keys a {@code @ConfigurationProperties} class reads, as templates of dashed names: {@code *} stands
 * for a map key of the user's choosing ({@code gateway.apps.*.path}), and a template ending in {@code .**} takes
 * any key below it (the values of a {@code Map<String, String>}, the elements of a list).
 */
final class PropertyTemplates {

    private PropertyTemplates() {
    }

    /** Return the templates of every key the class reads below the prefix. */
    static List<String> of(String prefix, Class<?> type) {
        List<String> templates = new ArrayList<>();
        collect(prefix, type, templates);
        return templates;
    }

    private static void collect(String prefix, Class<?> type, List<String> templates) {
        for (PropertyDescriptor property : properties(type)) {
            Method getter = property.getReadMethod();
            if (getter == null || property.getName().equals("class")) {
                continue;
            }
            String name = prefix + "." + dashed(property.getName());
            Class<?> valueType = property.getPropertyType();
            if (Map.class.isAssignableFrom(valueType)) {
                Type valueOf = typeArgument(getter.getGenericReturnType(), 1);
                if (valueOf instanceof Class<?> beanType && isBean(beanType)) {
                    collect(name + ".*", beanType, templates);
                }
                else {
                    templates.add(name + ".**");
                }
            }
            else if (Collection.class.isAssignableFrom(valueType) || valueType.isArray()) {
                templates.add(name);
                templates.add(name + ".**");
            }
            else if (isBean(valueType) && property.getWriteMethod() == null) {
                collect(name, valueType, templates);
            }
            else {
                templates.add(name);
            }
        }
    }

    private static PropertyDescriptor[] properties(Class<?> type) {
        try {
            BeanInfo info = Introspector.getBeanInfo(type);
            return info.getPropertyDescriptors();
        }
        catch (IntrospectionException ex) {
            throw new IllegalStateException("Cannot read the properties of " + type.getName(), ex);
        }
    }

    /** Tell whether a type is a nested group of settings rather than a value bound from one key. */
    private static boolean isBean(Class<?> type) {
        return !type.isPrimitive() && !type.isEnum() && !type.getName().startsWith("java.")
                && type != DataSize.class && type != Duration.class && type != Path.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[index] : null;
    }

    /** Turn a Java property name into its dashed key: {@code bodyReplayLimit} into {@code body-replay-limit}. */
    static String dashed(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
