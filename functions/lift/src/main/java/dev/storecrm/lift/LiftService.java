package dev.storecrm.lift;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.campaign.LiftAttribution;
import dev.storecrm.domain.campaign.LiftRecorder;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.event.OrderEvent.OrderPlaced;
import dev.storecrm.domain.event.OrderEvent.OrderRefunded;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.money.Money;
import java.time.Clock;
import java.util.Currency;

/**
 * Counts the store's orders in the lift report ({@link LiftRecorder}): a payment once per order, for the member's
 * assignments whose window holds it (treated and held out alike); a refund once per refund id, before or after its
 * payment. Each costs one read of the order, one query of the member's kept assignments and one transaction,
 * whatever the member's history. An order placed with coupon codes (its rule sends no other) adds the discount of
 * each coupon of a journey's message to that message's cell, once per coupon and order: per code, one read of the
 * coupon, one of the assignment and one transaction. Money in another currency than the store's is refused
 * ({@code WRONG_CURRENCY}), as the other consumers of orders refuse it (so such an order redeems no coupon);
 * other events are not this function's (its rule sends none).
 */
public final class LiftService {

    /** What an event did to the report. */
    public enum Outcome {
        /**
         * The order's record took the payment or the refund (and the assignments in its window, if any), or a cell
         * took the discount of a journey's coupon the order placed carried.
         */
        COUNTED,
        /**
         * Nothing changed: the payment or the refund was counted before, or the order's coupons were counted
         * before or are none of the journeys'.
         */
        UNCHANGED,
        /** Not an order paid or refunded, nor an order placed with coupon codes. */
        IGNORED
    }

    private final LiftRecorder recorder;
    private final CouponBook coupons;
    private final Currency storeCurrency;
    private final Clock clock;

    LiftService(LiftRecorder recorder, CouponBook coupons, Currency storeCurrency, Clock clock) {
        this.recorder = recorder;
        this.coupons = coupons;
        this.storeCurrency = storeCurrency;
        this.clock = clock;
    }

    /** Handles one message of the LiftQueue, a canonical event, read against this function's clock. */
    public Outcome handle(String body) {
        return handle(EventParser.parse(body, clock));
    }

    Outcome handle(StoreEvent event) {
        if (event instanceof OrderPlaced placed) {
            return placed.couponCodes().isEmpty() ? Outcome.IGNORED : couponsOf(placed);
        }
        LiftAttribution.Outcome outcome = switch (event) {
            case OrderPaid paid -> recorder.paid(paid.orderId(), paid.customerId(),
                    inStoreCurrency(paid.amount(), "OrderPaid amount"), paid.meta().occurredAt().toInstant());
            case OrderRefunded refund -> recorder.refunded(refund.orderId(), refund.customerId(), refund.refundId(),
                    inStoreCurrency(refund.amount(), "OrderRefunded amount"), refund.meta().occurredAt().toInstant());
            default -> null;
        };
        return outcome == null ? Outcome.IGNORED : outcome.unchanged() ? Outcome.UNCHANGED : Outcome.COUNTED;
    }

    private Outcome couponsOf(OrderPlaced placed) {
        inStoreCurrency(placed.total(), "OrderPlaced total");
        placed.lines().forEach(line -> inStoreCurrency(line.unitPrice(), "OrderPlaced line unitPrice"));
        boolean counted = false;
        for (String code : placed.couponCodes()) {
            counted |= coupons.find(code).map(coupon -> recorder.couponRedeemed(coupon, placed.orderId(),
                    placed.total(), placed.meta().instant())).orElse(false);
        }
        return counted ? Outcome.COUNTED : Outcome.UNCHANGED;
    }

    private long inStoreCurrency(Money money, String field) {
        if (!money.currency().equals(storeCurrency)) {
            throw new InvalidInputException(RejectReason.WRONG_CURRENCY, field + " is in " + money.currency()
                    + ", the store's currency is " + storeCurrency);
        }
        return money.minor();
    }
}
