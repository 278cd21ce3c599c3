package dev.storecrm.importer;

import dev.storecrm.platform.adapter.StoreBus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Between the sources and the bus: the events records mapped to, in order, each record's end
 * marked, so that the import publishes in full batches across records and still knows the last
 * record a batch completed (the checkpoint's position). The sources' mappings publish here as they
 * would on the store bus.
 */
final class ImportBuffer implements StoreBus {

    /** Events taken for one {@code PutEvents} call, the last record they completed and how many they completed. */
    record Batch(List<String> events, Optional<String> lastRecord, int records) {}

    private record EndOfRecord(String position) {}

    private final Deque<Object> entries = new ArrayDeque<>();
    private int events;

    @Override
    public void publish(List<String> canonicalEvents) {
        entries.addAll(canonicalEvents);
        events += canonicalEvents.size();
    }

    /** Marks the end of a record's events. */
    void endOfRecord(String position) {
        entries.add(new EndOfRecord(position));
    }

    int events() {
        return events;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Up to {@code max} events, with the records they complete (and records with no events around them). */
    Batch take(int max) {
        List<String> taken = new ArrayList<>();
        String last = null;
        int records = 0;
        while (!entries.isEmpty()) {
            Object head = entries.peekFirst();
            if (head instanceof EndOfRecord end) {
                entries.pollFirst();
                last = end.position();
                records++;
            } else if (taken.size() < max) {
                taken.add((String) entries.pollFirst());
            } else {
                break;
            }
        }
        events -= taken.size();
        return new Batch(taken, Optional.ofNullable(last), records);
    }
}
