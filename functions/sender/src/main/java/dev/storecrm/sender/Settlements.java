package dev.storecrm.sender;

import dev.storecrm.domain.broadcast.BroadcastDelivery;
import dev.storecrm.domain.campaign.LiftRecorder;
import dev.storecrm.domain.campaign.Settled;
import dev.storecrm.domain.messaging.Category;
import dev.storecrm.domain.messaging.MailOutcomes;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.domain.messaging.SendRules.SkipReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the sender records once it settled a business key, in the same place: the count by day (the store's),
 * journey and outcome (the console's results, one small write), and for marketing to a customer the lift report's
 * assignment (one transaction of two items, docs/campaigns.md "The lift report"). Transactional mail is never an
 * assignment; nor is a guest's mail (orders are counted by customer id). A message that failed (refused by SES)
 * was still assigned to get the mail, so it counts as skipped: the treated group is everyone assigned to it.
 * A broadcast's message is also counted on its campaign's delivery counts, by variant and the same outcome
 * (docs/campaigns.md "Broadcasts": one more small write).
 */
record Settlements(MailOutcomes outcomes, LiftRecorder lift, BroadcastDelivery broadcasts, ZoneId storeZone) {

    void settled(MessageRequest request, SendLedger.Status status, String reason, int smsSegments, Instant at) {
        String outcome = MailOutcomes.outcome(status, reason);
        outcomes.count(LocalDate.ofInstant(at, storeZone), request.journey(), outcome);
        BroadcastDelivery.lineOf(request)
                .ifPresent(line -> broadcasts.count(line.campaignId(), line.variant(), outcome));
        Optional<String> customerId = customerId(request);
        if (request.category() != Category.marketing || customerId.isEmpty()) {
            return;
        }
        Settled settled = status == SendLedger.Status.SENT ? Settled.SENT
                : SkipReason.HELD_OUT.name().equals(reason) ? Settled.HELD_OUT : Settled.SKIPPED;
        lift.assigned(request.businessKey(), customerId.get(), request.journey(),
                BroadcastDelivery.variantOf(request), settled, settled == Settled.SENT ? smsSegments : 0, at);
    }

    /** The customer a request goes to; none for a guest or a bare address. */
    static Optional<String> customerId(MessageRequest request) {
        return switch (request.recipient()) {
            case Recipient.Member member -> Optional.of(member.customerId());
            case Recipient.Customer customer -> Optional.of(customer.customerId());
            case Recipient.Guest guest -> Optional.empty();
            case Recipient.Address address -> Optional.empty();
        };
    }
}
