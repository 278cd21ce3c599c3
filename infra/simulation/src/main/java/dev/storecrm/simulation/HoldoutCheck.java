package dev.storecrm.simulation;

import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.dynamodb.Attributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The holdouts' whole-system invariant, judged at the end of a run by drawing every member's holdout again
 * from the business keys (as the journeys draw it: member, journey and period) at the stack's
 * {@code HOLDOUT_PERCENT}: no mail and no coupon of a journey went to a member held out of it, and every step
 * the send ledger records as held out belongs to a member the draw holds out. The report counts, per journey,
 * the steps recorded as held out against those sent.
 */
final class HoldoutCheck {

    static final String HELD_OUT = "no mail or coupon to a member held out of the journey";

    /** A journey step of a member: who, which journey, which period (the holdout's draw), from a business key. */
    record Draw(String customerId, String journey, String period) {

        /** The draw of a business key of a journey with a holdout; empty for any other key. */
        static Optional<Draw> of(String businessKey, Optional<String> customerId) {
            String[] parts = businessKey.split("#");
            return switch (parts[0]) {
                case "BIRTHDAY" -> Optional.of(new Draw(parts[1], "birthday", parts[2]));
                case "ANNIVERSARY" -> Optional.of(new Draw(parts[2], parts[1], parts[3]));
                case "WINBACK" -> Optional.of(new Draw(parts[1], "win-back", parts[2]));
                case "POINTS_EXPIRY" -> Optional.of(new Draw(parts[1], "points-expiry", parts[2]));
                case "CART" -> customerId.map(id -> new Draw(id, "cart", parts[1])); // a guest's key is not kept
                case "BROADCAST" -> Optional.of(new Draw(businessKey.substring(parts[0].length() + parts[1].length()
                        + 2), "broadcast", parts[1]));
                default -> Optional.empty();
            };
        }
    }

    private final Holdout holdout;
    private final List<Map<String, AttributeValue>> ledger;
    private final List<Map<String, AttributeValue>> coupons;
    private final Map<String, int[]> byJourney = new TreeMap<>();

    HoldoutCheck(LocalCloud cloud, List<Map<String, AttributeValue>> ledger, Map<String, String> environment) {
        this.holdout = Holdout.percent(environment.getOrDefault("HOLDOUT_PERCENT", "5"));
        this.ledger = ledger;
        this.coupons = Invariants.scan(cloud, "CouponsTable");
    }

    void check(Invariants invariants) {
        invariants.list(HELD_OUT);
        for (Map<String, AttributeValue> entry : ledger) {
            String key = entry.get("businessKey").s();
            Optional<Draw> draw = Draw.of(key, Attributes.string(entry, "customerId"));
            String status = entry.get("status").s();
            if (draw.isEmpty() || "CLAIMED".equals(status)) {
                continue;
            }
            invariants.checked(HELD_OUT);
            boolean heldOut = "HELD_OUT".equals(Attributes.string(entry, "reason").orElse(""));
            boolean drawn = holdout.holdsOut(draw.get().customerId(), draw.get().journey(), draw.get().period());
            int[] tally = byJourney.computeIfAbsent(draw.get().journey(), j -> new int[2]);
            tally[0] += heldOut ? 1 : 0;
            tally[1] += "SENT".equals(status) ? 1 : 0;
            if (drawn && "SENT".equals(status)) {
                invariants.violation(HELD_OUT, key + " went to " + draw.get().customerId() + ", held out of it");
            } else if (heldOut && !drawn) {
                invariants.violation(HELD_OUT, key + " was recorded as held out, but the draw does not hold "
                        + draw.get().customerId() + " out");
            }
        }
        for (Map<String, AttributeValue> coupon : coupons) {
            Optional<Draw> draw = Draw.of(coupon.get("businessKey").s(), Attributes.string(coupon, "customerId"));
            if (draw.isPresent() && holdout.holdsOut(draw.get().customerId(), draw.get().journey(),
                    draw.get().period())) {
                invariants.violation(HELD_OUT, "coupon " + coupon.get("businessKey").s() + " was issued to "
                        + draw.get().customerId() + ", held out of it");
            }
        }
    }

    /** Per journey: the steps recorded as held out, and those sent. */
    String report() {
        TextTable table = new TextTable("journey", "held out", "sent", "held-out share");
        byJourney.forEach((journey, tally) -> table.row(journey, tally[0], tally[1],
                tally[0] + tally[1] == 0 ? "-" : "%.1f %%".formatted(100.0 * tally[0] / (tally[0] + tally[1]))));
        return (table.isEmpty() ? "(no journey step)\n" : table.render())
                + "Holdout: " + holdout.describe() + " % of each journey's members (HOLDOUT_PERCENT).\n";
    }
}
