package dev.storecrm.simulation.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A platform's numbering of one kind of thing (Shopify's customer ids, WooCommerce's order ids):
 * the store's id gets the next number on first sight, the same one after. Numbers follow the order
 * in which the store's events are told, so a run with the same seed numbers alike.
 */
final class IdSequence {

    private final long first;
    private final Map<String, Long> numbers = new HashMap<>();
    private final Map<Long, String> storeIds = new HashMap<>();

    /** @param first the platform's first number (so that ids look like the platform's) */
    IdSequence(long first) {
        this.first = first;
    }

    long of(String storeId) {
        return numbers.computeIfAbsent(storeId, id -> {
            long number = first + numbers.size();
            storeIds.put(number, id);
            return number;
        });
    }

    boolean knows(String storeId) {
        return numbers.containsKey(storeId);
    }

    Optional<String> storeId(long number) {
        return Optional.ofNullable(storeIds.get(number));
    }
}
