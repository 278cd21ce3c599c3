package dev.storecrm.domain.messaging;

import dev.storecrm.domain.event.Stamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A journey's exit, checked again when the message is about to go: if it holds, the message is
 * not sent (the member converted after the message was planned).
 */
public sealed interface ExitCondition {

    /** The journey ends once the member has paid an order at or after {@code since}. */
    record NoOrderSince(Instant since) implements ExitCondition {}

    /**
     * The journey ends once the cart is checked out or ordered, or changes after the activity the
     * message was planned for ({@code armedFor}, the stamp of the cart's last change then).
     */
    record CartClosedOrChanged(String cartId, Stamp armedFor) implements ExitCondition {
        public CartClosedOrChanged {
            Objects.requireNonNull(cartId, "cartId");
            Objects.requireNonNull(armedFor, "armedFor");
        }
    }

    /** The journey ends once any of these holds. */
    record AnyOf(List<ExitCondition> conditions) implements ExitCondition {
        public AnyOf {
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("AnyOf needs at least one condition");
            }
        }
    }
}
