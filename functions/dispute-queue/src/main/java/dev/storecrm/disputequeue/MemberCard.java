package dev.storecrm.disputequeue;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.Profile;
import java.time.Instant;
import java.util.Optional;

/**
 * The customer's member summary beside a dispute: who they are, how to reach them, and what they
 * are worth to the store (status, tier, orders, spend, points, refunds), from the member archive.
 * One item read per dispute shown.
 */
final class MemberCard {

    private final MemberArchive members;
    private final MemberPolicy policy;

    MemberCard(MemberArchive members, MemberPolicy policy) {
        this.members = members;
        this.policy = policy;
    }

    /** The member node of {@code customerId}, or one saying the archive does not know the customer. */
    ObjectNode of(String customerId, Instant now) {
        ObjectNode node = DisputeViews.JSON.createObjectNode().put("customerId", customerId);
        Optional<MemberRecord> record = members.find(customerId, false).map(Revisioned::value);
        if (record.isEmpty()) {
            return node.put("known", false);
        }
        Profile profile = record.get().profile();
        MemberSummary summary = MemberSummary.of(record.get(), policy, now);
        node.put("known", true);
        putText(node, "name", profile.name());
        putText(node, "email", profile.email());
        putText(node, "phone", profile.phone());
        putText(node, "locale", profile.locale());
        node.put("status", summary.status().wire());
        summary.tier().ifPresent(t -> node.put("tier", t));
        summary.memberSince().ifPresent(t -> node.put("memberSince", t.toString()));
        node.put("orderCount", summary.orderCount());
        node.put("lifetimeSpend", summary.lifetimeSpendMinor());
        node.put("points", summary.points());
        summary.lastOrderAt().ifPresent(t -> node.put("lastOrderAt", t.toString()));
        node.put("refundCount", summary.refundCount());
        node.put("refunded", summary.refundedMinor());
        return node;
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
