package dev.storecrm.domain.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The envelope every canonical event carries: a unique id (the de-duplication key), its type and
 * contract version, and when it happened, with the producer's UTC offset.
 */
public record EventMeta(String id, EventType type, int version, OffsetDateTime occurredAt) {

    public EventMeta {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public Instant instant() {
        return occurredAt.toInstant();
    }

    public Stamp stamp() {
        return new Stamp(instant(), id);
    }
}
