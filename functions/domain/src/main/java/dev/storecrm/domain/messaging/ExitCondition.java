package dev.storecrm.domain.messaging;

import java.time.Instant;

/**
 * A journey's exit, checked again when the message is about to go: if it holds, the message is
 * not sent (the member converted after the message was planned).
 */
public sealed interface ExitCondition {

    /** The journey ends once the member has paid an order at or after {@code since}. */
    record NoOrderSince(Instant since) implements ExitCondition {}
}
