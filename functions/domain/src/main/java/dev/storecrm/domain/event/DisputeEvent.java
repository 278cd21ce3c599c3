package dev.storecrm.domain.event;

import dev.storecrm.domain.money.Money;
import java.time.Instant;
import java.util.Optional;

/** Events of an after-sales or payment dispute (售后纠纷). */
public sealed interface DisputeEvent extends StoreEvent {

    String disputeId();

    /** Why the buyer disputes, in the source material's three causes plus "other". */
    enum Reason { not_received, not_as_described, buyer_reason, other }

    /** Who made a proposal. */
    enum Party { buyer, seller, platform }

    /** A party's proposal: a refund amount and whether the goods go back. */
    record Proposal(Party party, Money refund, boolean returnGoods, Optional<String> text) {}

    /**
     * A buyer opened a dispute.
     *
     * @param customer contract version 2: how to reach the customer, for one who may not be a member (a guest, a
     *                 marketplace buyer); a member is reached as the member archive says
     */
    record DisputeOpened(EventMeta meta, String disputeId, String orderId, String customerId, String channel,
                         Reason reason, Money amount, Optional<String> status, Optional<Instant> evidenceDueBy,
                         Optional<Proposal> buyerProposal, Optional<CustomerContact> customer)
            implements DisputeEvent {}

    /**
     * A change reported by the channel or made by an agent: a new status, a proposal, a
     * resolution, a note, a deadline.
     *
     * @param customer contract version 2: the customer's contact as the channel now gives it (newer than the
     *                 opening's when this event is)
     */
    record DisputeUpdated(EventMeta meta, String disputeId, Optional<String> status, Optional<String> resolution,
                          Optional<Proposal> proposal, Optional<Instant> evidenceDueBy, Optional<String> note,
                          Optional<String> returnTrackingNumber, Optional<CustomerContact> customer)
            implements DisputeEvent {}
}
