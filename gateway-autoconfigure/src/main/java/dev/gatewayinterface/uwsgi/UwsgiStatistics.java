package dev.gatewayinterface.uwsgi;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Count what a uwsgi listener does, whether or not a metrics registry is present, for meters and the actuator
 * endpoint: open connections, requests handed to applications, requests it answered itself, and bad input by fault.
 */
public final class UwsgiStatistics {

    /** Why the listener answered a request itself, without calling an application. */
    public enum Refusal {

        /** No thread was free: 503. */
        SATURATED,

        /** The body is larger than {@code gateway.uwsgi.max-body-size}: 413. */
        BODY_TOO_LARGE,

        /** No application is mounted at the path: 404. */
        NO_MOUNT
    }

    private final AtomicInteger connections = new AtomicInteger();

    private final AtomicInteger active = new AtomicInteger();

    private final LongAdder requests = new LongAdder();

    private final Map<Refusal, LongAdder> refusals = new EnumMap<>(Refusal.class);

    private final Map<UwsgiFault, LongAdder> faults = new EnumMap<>(UwsgiFault.class);

    /** Create counters at zero. */
    public UwsgiStatistics() {
        for (Refusal refusal : Refusal.values()) {
            refusals.put(refusal, new LongAdder());
        }
        for (UwsgiFault fault : UwsgiFault.values()) {
            faults.put(fault, new LongAdder());
        }
    }

    void connectionOpened() {
        connections.incrementAndGet();
    }

    void connectionClosed() {
        connections.decrementAndGet();
    }

    void requestStarted() {
        requests.increment();
        active.incrementAndGet();
    }

    void requestEnded() {
        active.decrementAndGet();
    }

    void refuse(Refusal refusal) {
        refusals.get(refusal).increment();
    }

    void fault(UwsgiFault fault) {
        faults.get(fault).increment();
    }

    /**
     * Return how many connections are open.
     * @return the count
     */
    public int connections() {
        return connections.get();
    }

    /**
     * Return how many requests applications are serving now.
     * @return the count
     */
    public int active() {
        return active.get();
    }

    /**
     * Return how many requests were handed to applications since startup.
     * @return the count
     */
    public long requests() {
        return requests.sum();
    }

    /**
     * Return how many requests the listener answered itself for the given reason.
     * @param refusal the reason
     * @return the count
     */
    public long refused(Refusal refusal) {
        return refusals.get(refusal).sum();
    }

    /**
     * Return how many connections were closed for the given bad input.
     * @param fault the kind of bad input
     * @return the count
     */
    public long faults(UwsgiFault fault) {
        return faults.get(fault).sum();
    }

    /**
     * Describe the counts, for the actuator endpoint.
     * @return the counts by name; refusals and faults by their tag values
     */
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("connections", connections());
        state.put("active", active());
        state.put("requests", requests());
        Map<String, Long> refused = new LinkedHashMap<>();
        refusals.forEach((refusal, count) -> refused.put(tag(refusal), count.sum()));
        state.put("refused", refused);
        Map<String, Long> bad = new LinkedHashMap<>();
        faults.forEach((fault, count) -> bad.put(fault.tag(), count.sum()));
        state.put("faults", bad);
        return state;
    }

    /**
     * Return the tag value of a refusal, as meters and the actuator endpoint show it.
     * @param refusal the reason
     * @return the name in lower case with dashes, such as {@code body-too-large}
     */
    public static String tag(Refusal refusal) {
        return refusal.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
