package dev.storecrm.domain.cart;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one change of a cart adds to the daily report: counts and amounts per day and metric.
 * Saved together with the cart (in one transaction), so each is added exactly once.
 */
public record CartStatsDelta(Map<LocalDate, Map<CartMetric, Long>> byDay) {

    public static final CartStatsDelta NONE = new CartStatsDelta(Map.of());

    public CartStatsDelta {
        Map<LocalDate, Map<CartMetric, Long>> copy = new TreeMap<>();
        byDay.forEach((day, metrics) -> {
            Map<CartMetric, Long> nonZero = new EnumMap<>(CartMetric.class);
            metrics.forEach((metric, amount) -> {
                if (amount != 0) {
                    nonZero.put(metric, amount);
                }
            });
            if (!nonZero.isEmpty()) {
                copy.put(day, Map.copyOf(nonZero));
            }
        });
        byDay = Map.copyOf(copy);
    }

    public CartStatsDelta plus(LocalDate day, CartMetric metric, long amount) {
        Map<LocalDate, Map<CartMetric, Long>> sum = new TreeMap<>();
        byDay.forEach((d, metrics) -> sum.put(d, new EnumMap<>(metrics)));
        sum.computeIfAbsent(day, d -> new EnumMap<>(CartMetric.class)).merge(metric, amount, Long::sum);
        return new CartStatsDelta(sum);
    }

    public CartStatsDelta plus(CartStatsDelta other) {
        CartStatsDelta sum = this;
        for (var day : other.byDay.entrySet()) {
            for (var figure : day.getValue().entrySet()) {
                sum = sum.plus(day.getKey(), figure.getKey(), figure.getValue());
            }
        }
        return sum;
    }

    public boolean isEmpty() {
        return byDay.isEmpty();
    }

    public long get(LocalDate day, CartMetric metric) {
        return byDay.getOrDefault(day, Map.of()).getOrDefault(metric, 0L);
    }
}
