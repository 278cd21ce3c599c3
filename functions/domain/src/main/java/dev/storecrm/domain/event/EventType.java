package dev.storecrm.domain.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * The canonical event types; the wire name is the enum's name. {@link #since()} is the contract version that
 * introduced the type: an event of a type must say that version or a later one.
 */
public enum EventType {
    OrderPlaced(1),
    OrderPaid(1),
    OrderCancelled(1),
    OrderRefunded(1),
    CartUpdated(1),
    CheckoutCompleted(1),
    MemberRegistered(1),
    MemberUpdated(1),
    DisputeOpened(1),
    DisputeUpdated(1),
    CustomerDataRequested(2),
    CustomerErasureRequested(2);

    private final int since;

    EventType(int since) {
        this.since = since;
    }

    /** The contract version that introduced this type. */
    public int since() {
        return since;
    }

    /** Whether events of this type are privacy requests ({@link PrivacyEvent}) rather than store activity. */
    public boolean isPrivacyRequest() {
        return this == CustomerDataRequested || this == CustomerErasureRequested;
    }

    public static Optional<EventType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
