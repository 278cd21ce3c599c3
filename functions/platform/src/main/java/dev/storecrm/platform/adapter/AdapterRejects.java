package dev.storecrm.platform.adapter;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.platform.batch.RejectStore;
import dev.storecrm.platform.batch.RejectedMessage;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps platform payloads in the RejectsTable with their reason: those an adapter behind a function
 * URL refuses (an SQS-triggered adapter's refusals are kept by its batch processor), and those whose
 * part the contract could not carry while the rest was published. Logs name the adapter, the
 * platform's ids and the reason, never the payload.
 */
public final class AdapterRejects {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterRejects.class);

    private final String consumer;
    private final RejectStore store;
    private final Clock clock;

    public AdapterRejects(String consumer, RejectStore store, Clock clock) {
        this.consumer = consumer;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Keeps a payload refused as a whole. {@code messageId} names the delivery (the RejectsTable
     * keeps one item per adapter and delivery, so a re-delivery is kept once).
     */
    /** The receiving clock, which published events are also checked against. */
    public Clock clock() {
        return clock;
    }

    public void refused(String messageId, Optional<String> eventId, Optional<String> topic,
                        InvalidInputException reason, String body) {
        store.keep(new RejectedMessage(consumer, messageId, eventId, topic, reason.reason(), reason.detail(), body,
                clock.instant()));
        LOG.warn("message rejected", entry("consumer", consumer), entry("messageId", messageId),
                entry("eventId", eventId.orElse("")), entry("reason", reason.reason().name()),
                entry("detail", reason.detail()));
    }

    /** Keeps a payload whose part the contract had no place for; its other events were published. */
    public void keptInPart(String messageId, Optional<String> eventId, Optional<String> topic, Mapping.Kept part,
                           String body) {
        store.keep(new RejectedMessage(consumer, messageId, eventId, topic, part.reason(), part.detail(), body,
                clock.instant()));
        LOG.warn("message kept in part", entry("consumer", consumer), entry("messageId", messageId),
                entry("eventId", eventId.orElse("")), entry("reason", part.reason().name()),
                entry("detail", part.detail()));
    }
}
