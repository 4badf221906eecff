package dev.gatewayinterface.uwsgi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Hold the vars of one uwsgi packet in the order they came, as native strings: each byte one char (docs/SPEC.md §2).
 * A name may come more than once, as nginx sends a header given twice.
 */
public final class UwsgiVars {

    private final List<String> names;

    private final List<String> values;

    UwsgiVars(List<String> names, List<String> values) {
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * Return the first value of a var.
     * @param name the var's name, such as {@code "REQUEST_METHOD"}
     * @return the value, or {@code null} if the packet has no such var
     */
    public String get(String name) {
        int index = names.indexOf(name);
        return index < 0 ? null : values.get(index);
    }

    /**
     * Pass each var to the consumer, in the order they came.
     * @param consumer receives each name and value
     */
    public void forEach(BiConsumer<String, String> consumer) {
        for (int i = 0; i < names.size(); i++) {
            consumer.accept(names.get(i), values.get(i));
        }
    }

    /**
     * Return how many vars the packet held.
     * @return the count
     */
    public int size() {
        return names.size();
    }
}
