package dev.storecrm.domain.loyalty;

/** What the checkout gets back for a reservation, a confirmation or a release. */
public sealed interface RedemptionOutcome {

    /** Why a request was refused. */
    enum Refusal {
        /** Fewer points can be spent than asked for. */
        INSUFFICIENT_POINTS,
        /** The order already has a reservation or a redemption of another amount. */
        AMOUNT_DIFFERS,
        /** The member holds as many reservations as allowed; confirm or release one first. */
        TOO_MANY_RESERVATIONS,
        /** The customer is not an active member (not a member yet, frozen, or cancelled). */
        MEMBER_NOT_ACTIVE,
        /** The order was cancelled or refunded in full. */
        ORDER_CLOSED,
        /** The reservation lapsed before it was confirmed; its points are free again. */
        RESERVATION_EXPIRED,
        /** The reservation was released (by the checkout, or by the order's cancellation). */
        RELEASED,
        /** The redemption was confirmed: points come back by cancelling or refunding the order. */
        ALREADY_CONFIRMED;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /**
     * The redemption as it stands (a repeated request gets the same answer).
     *
     * @param changed whether this request changed it
     */
    record Done(String orderId, Redemption redemption, long available, boolean changed) implements RedemptionOutcome {}

    /** Refused with the reason; {@code available}: the points the member can spend now. */
    record Refused(String orderId, Refusal refusal, String detail, long available) implements RedemptionOutcome {}

    /** The order has no redemption. */
    record NotFound(String orderId) implements RedemptionOutcome {}
}
