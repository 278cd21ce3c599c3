package dev.storecrm.lift;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.campaign.LiftAttribution;
import dev.storecrm.domain.campaign.LiftRecorder;
import dev.storecrm.domain.event.EventParser;
import dev.storecrm.domain.event.OrderEvent.OrderPaid;
import dev.storecrm.domain.event.OrderEvent.OrderRefunded;
import dev.storecrm.domain.event.StoreEvent;
import dev.storecrm.domain.money.Money;
import java.time.Clock;
import java.util.Currency;

/**
 * Counts the store's orders in the lift report ({@link LiftRecorder}): a payment once per order, for the member's
 * assignments whose window holds it (treated and held out alike); a refund once per refund id, before or after its
 * payment. Each costs one read of the order, one query of the member's kept assignments and one transaction,
 * whatever the member's history. Money in another currency than the store's is refused ({@code WRONG_CURRENCY}),
 * as the other consumers of orders refuse it; other events are not this function's (its rule sends none).
 */
public final class LiftService {

    /** What an event did to the report. */
    public enum Outcome {
        /** The order's record took the payment or the refund (and the assignments in its window, if any). */
        COUNTED,
        /** Nothing changed: the payment or the refund was counted before. */
        UNCHANGED,
        /** Not an order paid or refunded. */
        IGNORED
    }

    private final LiftRecorder recorder;
    private final Currency storeCurrency;
    private final Clock clock;

    LiftService(LiftRecorder recorder, Currency storeCurrency, Clock clock) {
        this.recorder = recorder;
        this.storeCurrency = storeCurrency;
        this.clock = clock;
    }

    /** Handles one message of the LiftQueue, a canonical event, read against this function's clock. */
    public Outcome handle(String body) {
        return handle(EventParser.parse(body, clock));
    }

    Outcome handle(StoreEvent event) {
        LiftAttribution.Outcome outcome = switch (event) {
            case OrderPaid paid -> recorder.paid(paid.orderId(), paid.customerId(),
                    inStoreCurrency(paid.amount(), "OrderPaid amount"), paid.meta().occurredAt().toInstant());
            case OrderRefunded refund -> recorder.refunded(refund.orderId(), refund.customerId(), refund.refundId(),
                    inStoreCurrency(refund.amount(), "OrderRefunded amount"), refund.meta().occurredAt().toInstant());
            default -> null;
        };
        return outcome == null ? Outcome.IGNORED : outcome.unchanged() ? Outcome.UNCHANGED : Outcome.COUNTED;
    }

    private long inStoreCurrency(Money money, String field) {
        if (!money.currency().equals(storeCurrency)) {
            throw new InvalidInputException(RejectReason.WRONG_CURRENCY, field + " is in " + money.currency()
                    + ", the store's currency is " + storeCurrency);
        }
        return money.minor();
    }
}
