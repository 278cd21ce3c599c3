package dev.storecrm.localcloud;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;

/**
 * The metrics the functions emit, kept in memory instead of printed as CloudWatch EMF lines (which would mix
 * with the local run's output). Installed as the metrics provider when the local cloud starts, so handlers
 * call the same {@code dev.storecrm.platform.metrics} API as in Lambda. Each metric is also kept as the series
 * CloudWatch would bill: its name under the emitting function's service (the default dimension,
 * {@code POWERTOOLS_SERVICE_NAME}).
 *
 * <p>The platform's tests run on the local cloud, so the local cloud cannot depend on the platform: it reaches
 * the metrics API by name, as it reaches the handlers, and answers it with a proxy.
 */
public final class LocalMetrics {

    private static final String API = "dev.storecrm.platform.metrics.";
    private static final Map<String, DoubleAdder> TOTALS = new ConcurrentHashMap<>();
    private static final Set<String> SERIES = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<String> SERVICE = ThreadLocal.withInitial(() -> "service_undefined");

    private LocalMetrics() {}

    static void install() {
        Class<?> metrics;
        try {
            metrics = Class.forName(API + "Metrics");
        } catch (ClassNotFoundException noFunctions) {
            return; // No function on the class path: nothing emits metrics.
        }
        Object counting = Proxy.newProxyInstance(metrics.getClassLoader(), new Class<?>[] {metrics},
                (proxy, method, args) -> count(proxy, method, args));
        try {
            Class.forName(API + "MetricsFactory").getMethod("setMetricsProvider", Supplier.class)
                    .invoke(null, (Supplier<Object>) () -> counting);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the platform's MetricsFactory changed", e);
        }
    }

    /** Every metric added since the last reset, summed by name. */
    public static Map<String, Double> totals() {
        Map<String, Double> totals = new TreeMap<>();
        TOTALS.forEach((name, value) -> totals.put(name, value.sum()));
        return totals;
    }

    /** Every metric series (service and name, as {@code service/name}) emitted since the last reset. */
    public static Set<String> series() {
        return new TreeSet<>(SERIES);
    }

    public static void reset() {
        TOTALS.clear();
        SERIES.clear();
    }

    /** Runs {@code invocation} as a function whose Powertools service is {@code service}. */
    static <T> T emittingAs(String service, Supplier<T> invocation) {
        String before = SERVICE.get();
        SERVICE.set(service);
        try {
            return invocation.get();
        } finally {
            SERVICE.set(before);
        }
    }

    private static Object count(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "addMetric" -> add((String) args[0], (Double) args[1]);
            case "captureColdStartMetric" -> add("ColdStart", 1);
            case "flush" -> null; // Totals are kept until reset.
            case "toString" -> "LocalMetrics";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }

    private static Object add(String name, double value) {
        TOTALS.computeIfAbsent(name, k -> new DoubleAdder()).add(value);
        SERIES.add(SERVICE.get() + "/" + name);
        return null;
    }
}
