package dev.storecrm.memberview;

import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.OrderFacts;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.member.StatusEntry;
import dev.storecrm.domain.member.TierLadder;
import dev.storecrm.domain.member.TierOverride;
import dev.storecrm.domain.memberview.MemberFile;
import dev.storecrm.domain.rfm.RfmScores;
import dev.storecrm.domain.rfm.RfmState;
import dev.storecrm.domain.winback.WinBackJournal;
import dev.storecrm.platform.http.PointsJson;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The member view's JSON: the member's own parts (profile, membership, tier and why, purchases,
 * RFM) and the points and orders; the journeys, mail and disputes are {@link JourneyViews}'. Every
 * text is passed through as data (the console escapes it); money is {@code {"amount": minor units,
 * "currency": ISO-4217}}; times are ISO-8601 instants.
 */
final class MemberViews {

    static final ObjectMapper JSON = new ObjectMapper();

    private final MemberPolicy policy;
    private final ZoneId storeZone;
    private final JourneyViews journeys;

    MemberViews(MemberPolicy policy, ZoneId storeZone) {
        this.policy = policy;
        this.storeZone = storeZone;
        this.journeys = new JourneyViews();
    }

    static ObjectNode error(String code, String reason) {
        return JSON.createObjectNode().put("error", code).put("reason", reason);
    }

    /** One member found by a search: enough to tell members with the same address apart. */
    ObjectNode match(MemberRecord record, Instant now) {
        MemberSummary summary = MemberSummary.of(record, policy, now);
        ObjectNode match = JSON.createObjectNode().put("customerId", record.customerId());
        text(match, "name", record.profile().name());
        match.put("status", summary.status().wire());
        summary.tier().ifPresentOrElse(t -> match.put("tier", t), () -> match.putNull("tier"));
        summary.lastOrderAt().ifPresent(t -> match.put("lastOrderAt", t.toString()));
        return match;
    }

    /** The member's own parts, from the archive item alone. */
    ObjectNode member(MemberRecord record, Optional<RfmState> rfm, Instant now) {
        MemberSummary summary = MemberSummary.of(record, policy, now);
        ObjectNode view = JSON.createObjectNode().put("customerId", record.customerId())
                .put("currency", policy.storeCurrency().getCurrencyCode()).put("storeTimeZone", storeZone.getId())
                .put("asOf", now.toString());
        view.set("profile", profile(record.profile()));
        ObjectNode membership = view.putObject("membership").put("status", summary.status().wire());
        summary.memberSince().ifPresent(t -> membership.put("memberSince", t.toString()));
        Optional<StatusEntry> change = record.statusLog().isEmpty() ? Optional.empty()
                : Optional.of(record.statusLog().getLast());
        change.ifPresent(c -> {
            membership.put("changedAt", c.stamp().at().toString());
            text(membership, "reason", c.reason());
            text(membership, "changedBy", c.actor());
        });
        ArrayNode history = membership.putArray("history");
        for (StatusEntry entry : record.statusLog().reversed()) {
            ObjectNode line = history.addObject().put("at", entry.stamp().at().toString())
                    .put("status", entry.status().wire()).put("eventId", entry.stamp().eventId());
            text(line, "reason", entry.reason());
            text(line, "actor", entry.actor());
        }
        view.set("tier", tier(summary, record.tierOverrideAt(now)));
        ArrayNode overrides = view.putArray("tierOverrides");
        for (TierOverride o : record.tierLog().reversed()) {
            ObjectNode line = overrides.addObject().put("setAt", o.stamp().at().toString()).put("tier", o.tier())
                    .put("until", o.until().toString()).put("eventId", o.stamp().eventId());
            text(line, "reason", o.reason());
            text(line, "actor", o.actor());
        }
        ObjectNode purchases = view.putObject("purchases").put("orderCount", summary.orderCount());
        purchases.set("lifetimeSpend", money(summary.lifetimeSpendMinor()));
        purchases.set("trailingYearSpend", money(summary.trailingYearSpendMinor()));
        summary.firstOrderAt().ifPresent(t -> purchases.put("firstOrderAt", t.toString()));
        summary.lastOrderAt().ifPresent(t -> purchases.put("lastOrderAt", t.toString()));
        purchases.put("refundCount", summary.refundCount());
        purchases.set("refunded", money(summary.refundedMinor()));
        purchases.put("pointsEarnedByOrders", summary.points());
        view.set("rfm", rfm(summary, rfm, now));
        return view;
    }

    /**
     * The tier and why: the rule (trailing 365-day net spend against the ladder; upgrade at once,
     * held for 365 days from the payment that qualified), which of the two holds it now
     * ({@code basis}: {@code spend} the trailing year reaches it, {@code held} an earlier payment
     * qualified and the hold has not run out, {@code base} no threshold reached, {@code override} an
     * operator set it until {@code heldUntil}, {@code none} not a member), and what the next tier needs.
     */
    ObjectNode tier(MemberSummary summary, Optional<TierOverride> override) {
        TierLadder ladder = policy.tiers();
        ObjectNode tier = JSON.createObjectNode();
        ArrayNode steps = tier.putArray("ladder");
        steps.addObject().put("tier", ladder.baseTier()).put("threshold", 0);
        ladder.levels().forEach(l -> steps.addObject().put("tier", l.name()).put("threshold", l.thresholdMinor()));
        tier.put("rule", "trailing-365-day-net-spend");
        tier.set("trailingYearSpend", money(summary.trailingYearSpendMinor()));
        if (summary.tier().isEmpty() || summary.status() == MembershipStatus.NONE) {
            return tier.putNull("name").put("basis", "none");
        }
        int rank = ladder.rankOf(summary.tier().get()).orElse(0);
        int spendRank = ladder.rankFor(summary.trailingYearSpendMinor());
        tier.put("name", summary.tier().get()).put("rank", rank);
        Optional<TierOverride> held = override.filter(o -> o.tier().equals(summary.tier().get()));
        if (held.isPresent()) {
            ObjectNode by = tier.put("basis", "override").put("heldUntil", held.get().until().toString())
                    .putObject("override").put("setAt", held.get().stamp().at().toString());
            text(by, "reason", held.get().reason());
            text(by, "actor", held.get().actor());
        } else {
            tier.put("basis", rank == 0 ? "base" : spendRank >= rank ? "spend" : "held");
            summary.tierHeldUntil().ifPresent(until -> tier.put("heldUntil", until.toString())
                    .put("qualifiedAt", until.minus(MemberPolicy.YEAR).toString()));
        }
        if (rank < ladder.levels().size()) {
            TierLadder.Level next = ladder.levels().get(rank);
            ObjectNode up = tier.putObject("next").put("tier", next.name()).put("threshold", next.thresholdMinor());
            up.set("spendToGo", money(Math.max(0, next.thresholdMinor() - summary.trailingYearSpendMinor())));
        }
        return tier;
    }

    /**
     * The raw inputs of RFM the archive keeps, and the scores, segment and audiences RfmFunction last
     * evaluated (docs/rfm.md). A member it has not evaluated yet (no paid order, or one paid moments
     * ago) shows {@code scored: false} with both null, rather than numbers no rule produced.
     */
    ObjectNode rfm(MemberSummary summary, Optional<RfmState> state, Instant now) {
        ObjectNode rfm = JSON.createObjectNode();
        summary.recencyDays(now).ifPresentOrElse(d -> rfm.put("recencyDays", d), () -> rfm.putNull("recencyDays"));
        rfm.put("frequency", summary.orderCount());
        rfm.set("monetary", money(summary.lifetimeSpendMinor()));
        if (state.isEmpty()) {
            return rfm.put("scored", false).putNull("scores").putNull("segment");
        }
        RfmScores scores = state.get().scores();
        rfm.put("scored", true).putObject("scores").put("r", scores.r()).put("f", scores.f()).put("m", scores.m());
        rfm.put("segment", state.get().segment()).put("evaluatedAt", state.get().evaluatedAt().toString());
        state.get().audiences().forEach(rfm.withArray("audiences")::add);
        return rfm;
    }

    /** The points account and a page of its ledger, newest first; {@code next} is the next page's {@code before}. */
    ObjectNode points(Optional<PointsAccount> account, List<LedgerEntry> page, int limit, Instant now) {
        ObjectNode points = JSON.createObjectNode();
        account.ifPresentOrElse(a -> PointsJson.account(points, a, storeZone, now),
                () -> points.put("balance", 0).put("available", 0).put("reserved", 0).putArray("expiring"));
        List<LedgerEntry> entries = new ArrayList<>(page);
        if (entries.size() >= limit) {
            // A page ends on a whole account revision, so that "before" the last one loses no entry.
            long last = entries.getLast().sequence();
            List<LedgerEntry> whole = entries.stream().filter(e -> e.sequence() != last).toList();
            entries = whole.isEmpty() ? entries : new ArrayList<>(whole);
        }
        ArrayNode items = points.putArray("entries");
        for (LedgerEntry entry : entries) {
            ObjectNode item = items.addObject().put("sequence", entry.sequence()).put("index", entry.index())
                    .put("kind", entry.kind().wire()).put("points", entry.points())
                    .put("balanceAfter", entry.balanceAfter()).put("recordedAt", entry.recordedAt().toString())
                    .put("source", entry.posting().source());
            entry.posting().effectiveAt().ifPresent(t -> item.put("effectiveAt", t.toString()));
            entry.posting().actor().ifPresent(a -> item.put("actor", a));
            entry.posting().reason().ifPresent(r -> item.put("reason", r));
        }
        if (page.size() >= limit) {
            points.put("next", String.valueOf(entries.getLast().sequence()));
        }
        return points;
    }

    /** A page of orders, with the cursor of the next. */
    ObjectNode orders(MemberFile.Page<ArchivedOrder> page) {
        ObjectNode orders = JSON.createObjectNode();
        ArrayNode items = orders.putArray("items");
        for (ArchivedOrder order : page.items()) {
            ObjectNode item = items.addObject().put("orderId", order.orderId());
            OrderFacts facts = order.facts();
            item.put("state", facts.cancelled() != null ? "cancelled" : !facts.isPaid() ? "placed"
                    : facts.netMinor() == 0 && facts.refundedMinor() > 0 ? "refunded" : "paid");
            if (facts.isPaid()) {
                item.put("paidAt", facts.paidAt().toString());
                item.set("paid", money(facts.payment().amountMinor()));
            }
            if (facts.cancelled() != null) {
                item.put("cancelledAt", facts.cancelled().at().toString());
            }
            item.set("refunded", money(facts.refundedMinor()));
            order.credit().ifPresent(c -> item.put("points", c.points()));
        }
        page.next().ifPresentOrElse(n -> orders.put("next", n), () -> orders.putNull("next"));
        return orders;
    }

    ObjectNode journeys(MemberRecord record, List<WinBackJournal.Entry> steps,
                        List<Cart> carts, List<MemberFile.Greeting> greetings, Instant now) {
        return journeys.journeys(record, steps, carts, greetings, now);
    }

    ObjectNode mails(MemberFile.Page<MemberFile.Mail> page) {
        return journeys.mails(page);
    }

    ArrayNode disputes(List<Dispute> disputes) {
        return journeys.disputes(disputes);
    }

    ObjectNode money(long minor) {
        return JSON.createObjectNode().put("amount", minor).put("currency", policy.storeCurrency().getCurrencyCode());
    }

    private static ObjectNode profile(Profile p) {
        ObjectNode profile = JSON.createObjectNode();
        text(profile, "name", p.name());
        text(profile, "email", p.email());
        text(profile, "phone", p.phone());
        text(profile, "locale", p.locale());
        if (p.timeZone() != null) {
            profile.put("timeZone", p.timeZone().getId());
        }
        if (p.birthday() != null) {
            profile.put("birthday", p.birthday().iso());
        }
        if (!p.anniversaries().isEmpty()) {
            ObjectNode dates = profile.putObject("anniversaries");
            p.anniversaries().forEach((kind, date) -> dates.put(kind, date.iso()));
        }
        text(profile, "country", p.country());
        if (p.contactPreference() != null) {
            profile.put("contactPreference", p.contactPreference().name());
        }
        if (p.marketingConsent() != null) {
            profile.putObject("marketingConsent").put("granted", p.marketingConsent().granted())
                    .put("at", p.marketingConsent().at().toString()).put("source", p.marketingConsent().source());
        }
        text(profile, "referrerId", p.referrerId());
        return profile;
    }

    static void text(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
