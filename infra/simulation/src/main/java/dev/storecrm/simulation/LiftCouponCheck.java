package dev.storecrm.simulation;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.platform.dynamodb.Attributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The lift report's coupon cost, judged at the end of a run against the coupon book: every coupon of a journey's
 * message that an order redeemed (CouponsTable) is counted on its assignment (LiftTable) with that order and the
 * discount the coupon book recorded, no assignment is counted for a coupon the book does not show redeemed by that
 * order, and the cells' coupon cost is the sum of the assignments' (each discount once, whatever the duplicates).
 */
final class LiftCouponCheck {

    static final String COUPON_COST = "the lift report's coupon cost is each redeemed journey coupon's discount, once";

    private LiftCouponCheck() {}

    static void check(LocalCloud cloud, Invariants invariants) {
        invariants.list(COUPON_COST);
        Map<String, Map<String, AttributeValue>> assignments = new HashMap<>();
        long cells = 0;
        long marked = 0;
        for (Map<String, AttributeValue> item : Invariants.scan(cloud, "LiftTable")) {
            String pk = item.get("pk").s();
            if (pk.startsWith("P#")) {
                cells += Attributes.number(item, "couponCost", 0);
            } else if (pk.startsWith("M#")) {
                assignments.put(pk.substring(2) + "|" + item.get("sk").s().substring(2), item);
                marked += Attributes.number(item, "couponCost", 0);
            }
        }
        for (Map<String, AttributeValue> coupon : Invariants.scan(cloud, "CouponsTable")) {
            Map<String, AttributeValue> assignment = assignments.remove(coupon.get("customerId").s() + "|"
                    + coupon.get("businessKey").s());
            if (assignment == null) {
                continue;
            }
            invariants.checked(COUPON_COST);
            Optional<String> redeemedBy = Attributes.string(coupon, "redeemedOrderId");
            Optional<String> countedFor = Attributes.string(assignment, "couponOrder");
            long discount = Attributes.number(coupon, "discount", 0);
            long counted = Attributes.number(assignment, "couponCost", 0);
            boolean wrong = countedFor.isPresent() ? !countedFor.equals(redeemedBy) || counted != discount
                    : redeemedBy.isPresent() && discount > 0;
            if (wrong) {
                invariants.violation(COUPON_COST, "coupon of " + coupon.get("businessKey").s() + ": redeemed by "
                        + redeemedBy.orElse("no order") + " for " + discount + ", counted for "
                        + countedFor.orElse("no order") + " at " + counted);
            }
        }
        List<String> strays = assignments.entrySet().stream().filter(e -> e.getValue().containsKey("couponOrder"))
                .map(Map.Entry::getKey).toList();
        strays.forEach(key -> invariants.violation(COUPON_COST, key + " counts a coupon the book does not hold"));
        if (cells != marked) {
            invariants.violation(COUPON_COST, "the cells hold " + cells + " of coupon cost, the assignments " + marked);
        }
    }
}
