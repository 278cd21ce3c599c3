package dev.storecrm.platform.events;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes canonical events on the store's event bus as any producer does: {@code PutEvents} in
 * batches of up to ten entries, with the event's {@code type} as detail-type and the canonical JSON
 * as detail. Entries EventBridge could not take (throttled, an internal failure) are sent again, a
 * few times; what still fails is thrown, so that the caller retries or reports it. The rules in
 * template.yaml route each event to its consumers.
 */
public final class EventBridgeStoreBus {

    static final int MAX_ENTRIES = 10;
    static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeClient eventBridge;
    private final String busName;
    private final String source;

    /**
     * @param busName the store bus (its name or ARN)
     * @param source  the {@code source} of every event, naming the producer (e.g. {@code storecrm.unsubscribe})
     */
    public EventBridgeStoreBus(EventBridgeClient eventBridge, String busName, String source) {
        this.eventBridge = eventBridge;
        this.busName = busName;
        this.source = source;
    }

    /** Publishes canonical events (JSON), in order within each batch of ten. */
    public void publish(List<String> canonicalEvents) {
        for (int from = 0; from < canonicalEvents.size(); from += MAX_ENTRIES) {
            List<PutEventsRequestEntry> batch = new ArrayList<>();
            for (String event : canonicalEvents.subList(from, Math.min(canonicalEvents.size(), from + MAX_ENTRIES))) {
                batch.add(entry(event));
            }
            putAll(batch);
        }
    }

    private void putAll(List<PutEventsRequestEntry> entries) {
        List<PutEventsRequestEntry> pending = entries;
        for (int attempt = 1; ; attempt++) {
            List<PutEventsRequestEntry> sending = pending;
            PutEventsResponse response = eventBridge.putEvents(p -> p.entries(sending));
            if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
                return;
            }
            List<PutEventsRequestEntry> failed = new ArrayList<>();
            String lastError = null;
            for (int i = 0; i < sending.size(); i++) {
                PutEventsResultEntry result = response.entries().get(i);
                if (result.errorCode() != null) {
                    failed.add(sending.get(i));
                    lastError = result.errorCode();
                }
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException(failed.size() + " of " + entries.size() + " events not accepted by "
                        + "EventBridge after " + ATTEMPTS + " attempts (last error " + lastError + ")");
            }
            pending = failed;
        }
    }

    private PutEventsRequestEntry entry(String canonicalEvent) {
        JsonNode event;
        try {
            event = JSON.readTree(canonicalEvent);
        } catch (IOException e) {
            throw new UncheckedIOException("a canonical event must be JSON", e);
        }
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(source)
                .detailType(event.path("type").asText())
                .detail(canonicalEvent)
                .build();
    }
}
