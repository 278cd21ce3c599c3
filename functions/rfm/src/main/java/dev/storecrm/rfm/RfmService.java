package dev.storecrm.rfm;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.concurrency.OptimisticRetry;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.Purchases;
import dev.storecrm.domain.member.TierLadder;
import dev.storecrm.domain.messaging.Timers;
import dev.storecrm.domain.rfm.CouponUse;
import dev.storecrm.domain.rfm.RfmBook;
import dev.storecrm.domain.rfm.RfmBoundaries;
import dev.storecrm.domain.rfm.RfmBuckets;
import dev.storecrm.domain.rfm.RfmChange;
import dev.storecrm.domain.rfm.RfmInputs;
import dev.storecrm.domain.rfm.RfmRecheck;
import dev.storecrm.domain.rfm.RfmRules;
import dev.storecrm.domain.rfm.RfmState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates one member's RFM: reads the member (one item), its RFM state (one item) and the boundaries
 * (the histogram, read at most once per {@code boundariesFor} by this instance), scores it, and when
 * anything changed saves the change in one transaction ({@link RfmBook#save}). Before saving it arms
 * the member's RFM timer for the next moment its RFM may change without an order (an R boundary, a
 * {@code days} rule, the end of the tier held), so a lapse is noticed without reading anyone else.
 * The cost is the same for every member and every store size: see docs/rfm.md.
 */
public final class RfmService {

    /** What evaluating a member did. */
    public enum Outcome { CHANGED, UNCHANGED }

    private static final OptimisticRetry RETRY = OptimisticRetry.standard();

    private final MemberArchive archive;
    private final RfmBook book;
    private final CouponUse coupons;
    private final Timers timers;
    private final MemberPolicy policy;
    private final RfmRules rules;
    private final Duration boundariesFor;
    private final Clock clock;
    private RfmBoundaries boundaries;
    private Instant boundariesRead;

    RfmService(MemberArchive archive, RfmBook book, CouponUse coupons, Timers timers, MemberPolicy policy,
               RfmRules rules, Duration boundariesFor, Clock clock) {
        this.archive = archive;
        this.book = book;
        this.coupons = coupons;
        this.timers = timers;
        this.policy = policy;
        this.rules = rules;
        this.boundariesFor = boundariesFor;
        this.clock = clock;
    }

    public Outcome recheck(String customerId) {
        return RETRY.run("RFM of " + customerId, attempt -> once(customerId, attempt > 1));
    }

    private Outcome once(String customerId, boolean consistent) {
        Instant now = clock.instant();
        Optional<MemberRecord> member = archive.find(customerId, consistent).map(Revisioned::value);
        Optional<RfmState> before = book.find(customerId, consistent);
        Optional<MemberSummary> summary = member.map(m -> MemberSummary.of(m, policy, now));
        List<String> recent = member.map(m -> m.purchases().recent().stream().map(Purchases.Payment::orderId).toList())
                .orElse(List.of());
        Optional<RfmInputs> inputs = summary.filter(s -> s.orderCount() > 0 && s.lastOrderAt().isPresent())
                .map(s -> new RfmInputs(s.lastOrderAt().get(), s.orderCount(), s.lifetimeSpendMinor(),
                        rank(policy.tiers(), s.tier()), recent.size(), couponsAmong(customerId, recent, before)));
        Optional<RfmState> after = rules.evaluate(customerId, inputs, recent, boundaries(now),
                summary.flatMap(MemberSummary::tierHeldUntil), before, now);
        if (after.isEmpty() ? before.isEmpty() : after.get().sameAs(before.orElse(null))) {
            return Outcome.UNCHANGED;
        }
        Optional<Instant> previousCheck = before.flatMap(RfmState::nextCheck);
        Optional<Instant> nextCheck = after.flatMap(RfmState::nextCheck);
        if (nextCheck.isPresent() && !nextCheck.equals(previousCheck)) {
            timers.schedule(new Timers.Timer(RfmRecheck.timerId(customerId), RfmRecheck.TARGET,
                    RfmRecheck.body(customerId), nextCheck.get()));
        } else if (nextCheck.isEmpty() && previousCheck.isPresent()) {
            timers.cancel(RfmRecheck.timerId(customerId));
        }
        book.save(new RfmChange(customerId, before, after), now.atOffset(ZoneOffset.UTC).toLocalDate());
        return Outcome.CHANGED;
    }

    /** Coupons among the latest orders: counted again only when the latest orders changed. */
    private int couponsAmong(String customerId, List<String> recent, Optional<RfmState> before) {
        if (before.isPresent() && before.get().recentOrderIds().equals(recent)) {
            return before.get().inputs().recentWithCoupon();
        }
        return coupons.withCoupons(customerId, recent);
    }

    private RfmBoundaries boundaries(Instant now) {
        if (boundaries == null || !now.isBefore(boundariesRead.plus(boundariesFor)) || now.isBefore(boundariesRead)) {
            long fromWeek = RfmBuckets.week(now) - RfmBuckets.RECENCY_WEEKS + 1;
            boundaries = book.histogram(fromWeek).boundaries(now);
            boundariesRead = now;
        }
        return boundaries;
    }

    static int rank(TierLadder tiers, Optional<String> tier) {
        for (int i = 0; i < tiers.levels().size(); i++) {
            if (tier.isPresent() && tiers.levels().get(i).name().equals(tier.get())) {
                return i + 1;
            }
        }
        return 0;
    }
}
