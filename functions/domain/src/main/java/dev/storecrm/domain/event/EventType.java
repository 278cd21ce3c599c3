package dev.storecrm.domain.event;

import java.util.Arrays;
import java.util.Optional;

/** The canonical event types of contract version 1; the wire name is the enum's name. */
public enum EventType {
    OrderPlaced,
    OrderPaid,
    OrderCancelled,
    OrderRefunded,
    CartUpdated,
    CheckoutCompleted,
    MemberRegistered,
    MemberUpdated,
    DisputeOpened,
    DisputeUpdated;

    public static Optional<EventType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
