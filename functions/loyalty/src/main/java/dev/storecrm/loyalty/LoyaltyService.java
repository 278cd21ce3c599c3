package dev.storecrm.loyalty;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.loyalty.DueOutcome;
import dev.storecrm.domain.loyalty.Grant;
import dev.storecrm.domain.loyalty.OrderPoints;
import dev.storecrm.domain.loyalty.PointsDue;
import dev.storecrm.domain.loyalty.PointsLedger;
import dev.storecrm.domain.member.PointsAction;
import dev.storecrm.domain.referral.ReferralDue;
import dev.storecrm.domain.referral.ReferralOrder;
import dev.storecrm.domain.referral.ReferralProgram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the LoyaltyQueue carries, to the ledger: an order's points from the member archive
 * ({@link OrderPoints}, also told to the referral programme), a member's points timer ({@link PointsDue}),
 * a referral's timer ({@link ReferralDue}), or an operator's points adjustment from the store bus
 * ({@link PointsAction}); anything else is refused with its reason.
 */
final class LoyaltyService {

    private static final Logger LOG = LoggerFactory.getLogger(LoyaltyService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PointsLedger ledger;
    private final ReferralProgram referrals;

    LoyaltyService(PointsLedger ledger, ReferralProgram referrals) {
        this.ledger = ledger;
        this.referrals = referrals;
    }

    /**
     * Handles one message; names the outcome: {@code APPLIED}, {@code UNCHANGED}, {@code DUE_DONE},
     * {@code REFERRAL_} and the referral's outcome, or {@code ADJUSTED} (an adjustment applied, or applied before).
     */
    String handle(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (Exception e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "loyalty message is not valid JSON");
        }
        if (node != null && OrderPoints.isOne(node)) {
            OrderPoints order = OrderPoints.read(node);
            boolean applied = ledger.applyOrder(order);
            ReferralProgram.Outcome referral = referrals.onOrder(ReferralOrder.of(order));
            if (referral != ReferralProgram.Outcome.UNCHANGED) {
                LOG.info("referral changed", entry("refereeId", order.customerId()), entry("referral", referral));
            }
            return applied ? "APPLIED" : "UNCHANGED";
        }
        if (node != null && ReferralDue.isOne(node)) {
            ReferralDue due = ReferralDue.read(node);
            ReferralProgram.Outcome outcome = referrals.due(due);
            LOG.info("referral timer fired", entry("refereeId", due.refereeId()), entry("referral", outcome));
            return "REFERRAL_" + outcome;
        }
        if (node != null && PointsDue.isOne(node)) {
            PointsDue due = PointsDue.read(node);
            DueOutcome outcome = ledger.due(due);
            LOG.info("points timer fired", entry("customerId", due.customerId()), entry("expired", outcome.expired()),
                    entry("reminded", outcome.reminded()));
            return "DUE_DONE";
        }
        if (node != null && PointsAction.isOne(node)) {
            return adjust(PointsAction.read(node));
        }
        throw new InvalidInputException(RejectReason.NOT_FOR_THIS_CONSUMER,
                "not an order's points, a points or referral timer, or a points adjustment; only the member archive, "
                        + "the timer sweep and the operators' adjustments feed this queue");
    }

    /** An operator's adjustment, once per request key; a debit the member's points no longer cover is refused. */
    private String adjust(PointsAction.Requested request) {
        PointsAction action = request.action();
        Grant.Outcome outcome = ledger.grant(request.customerId(), action.grant());
        if (outcome.refused()) {
            throw new InvalidInputException(RejectReason.INSUFFICIENT_POINTS, action.refusal(outcome.available())
                    .orElse("the member's points do not cover the adjustment"));
        }
        LOG.info("points adjusted", entry("customerId", request.customerId()), entry("points", action.points()),
                entry("applied", outcome.applied()));
        return "ADJUSTED";
    }
}
