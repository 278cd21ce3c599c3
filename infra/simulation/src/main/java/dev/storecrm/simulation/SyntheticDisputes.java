package dev.storecrm.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** The simulated store's disputes: opened on a channel, then settled, negotiated, returned or left to the deadlines. */
final class SyntheticDisputes {

    private final Random random;
    private final StoreEvents events;
    private int count;

    SyntheticDisputes(Random random, StoreEvents events) {
        this.random = random;
        this.events = events;
    }

    /** A dispute and the way it goes: settled at once, negotiated, a return, or left to the deadlines. */
    void plan(SimMember member, String orderId, long amount, Instant opened, List<Planned> plan) {
        String disputeId = "sim-d-" + (++count);
        int channel = random.nextInt(4);
        String[] channels = {"aliexpress", "stripe", "store", "shopify"};
        String[] reasons = {"not_received", "other", "not_as_described", "other"};
        Instant evidence = channel == 1 || channel == 3 ? opened.plus(Duration.ofDays(10)) : null;
        plan.add(new Planned.Publish(opened, events.disputeOpened(disputeId, orderId, member, channels[channel],
                reasons[channel], amount, evidence, opened), false));
        int path = random.nextInt(100);
        if (path < 35) {
            update(plan, disputeId, "resolved", "refunded", opened.plus(Duration.ofHours(6 + random.nextInt(96))));
        } else if (path < 55) {
            Instant negotiating = opened.plus(Duration.ofHours(12 + random.nextInt(24)));
            Instant resolved = negotiating.plus(Duration.ofDays(2 + random.nextInt(6)));
            update(plan, disputeId, "negotiating", null, negotiating);
            update(plan, disputeId, "resolved", random.nextBoolean() ? "rejected" : "withdrawn", resolved);
        } else if (path < 70 && channel == 2) {
            Instant agreed = opened.plus(Duration.ofHours(20));
            Instant shipped = agreed.plus(Duration.ofDays(3));
            update(plan, disputeId, "awaiting_return_shipment", null, agreed);
            update(plan, disputeId, "awaiting_return_receipt", null, shipped);
            update(plan, disputeId, "resolved", "refunded", shipped.plus(Duration.ofDays(4)));
        }
        // otherwise nobody acts: the deadlines are chased and escalated
    }

    private void update(List<Planned> plan, String disputeId, String status, String outcome, Instant at) {
        plan.add(new Planned.Publish(at, events.disputeUpdated(disputeId, status, outcome, at), false));
    }
}
