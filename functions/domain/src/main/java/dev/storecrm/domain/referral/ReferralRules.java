package dev.storecrm.domain.referral;

import dev.storecrm.domain.referral.ReferralParties.Party;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The referral rules, without storage: what an order of a referred member does to the referral, and
 * what the refund window's end decides. Each returns the new referral, or empty when nothing changes,
 * so duplicated and reordered messages converge: the first paid order is the earliest paid one the
 * referral learns of before the reward (an earlier order learnt late replaces a later one, even one
 * refunded meanwhile); once rewarded, only that order's refund or cancellation changes it (the reward
 * reversed). A refusal is final.
 */
public final class ReferralRules {

    static final String SELF_ID = "self-referral: the referrer is the referee (the same customer id)";
    static final String SELF_EMAIL = "self-referral: the referrer has the referee's e-mail address";
    static final String SELF_PHONE = "self-referral: the referrer has the referee's phone number";
    static final String UNDONE_BEFORE = "the first order was refunded or cancelled within its refund window";
    static final String UNDONE_AFTER = "the first order was refunded or cancelled after the reward: reward taken back";
    static final String BEFORE_GO_LIVE = "the first order was paid before go-live (imported history)";
    static final String UNKNOWN_REFERRER = "the referrer is not a member of the store";

    private ReferralRules() {}

    /** An order of the referee, as the member archive told the ledger. */
    public static Optional<Referral> onOrder(Optional<Referral> current, ReferralOrder order, ReferralPolicy policy,
                                             Instant now) {
        if (current.isEmpty()) {
            if (order.referrerId().isEmpty() || order.paidAt().isEmpty()) {
                return Optional.empty();
            }
            Referral opened = Referral.opened(order.refereeId(), order.referrerId().get(), order.orderId(),
                    order.paidAt().get(), policy, now);
            if (opened.referrerId().equals(opened.refereeId())) {
                return Optional.of(opened.decided(ReferralStatus.REFUSED, Optional.of(SELF_ID), now));
            }
            return Optional.of(first(opened, order, policy, now));
        }
        Referral referral = current.get();
        boolean sameOrder = referral.orderId().map(order.orderId()::equals).orElse(false);
        Optional<Referral> earlierOrder = order.paidAt().filter(paid -> earlier(paid, order.orderId(), referral))
                .map(paid -> first(referral, order, policy, now));
        return switch (referral.status()) {
            case REFUSED -> Optional.empty();
            case REWARDED -> sameOrder && order.undone()
                    ? Optional.of(referral.decided(ReferralStatus.REVERSED, Optional.of(UNDONE_AFTER), now))
                    : Optional.empty();
            case REVERSED -> referral.rewarded() || sameOrder ? Optional.empty() : earlierOrder;
            case PENDING -> sameOrder
                    ? (order.undone() ? Optional.of(first(referral, order, policy, now)) : Optional.empty())
                    : earlierOrder;
        };
    }

    /**
     * The refund window of the first order ended: refused (with the reason) or rewarded. The checks use
     * the referee, the referrer and the referrers above the referrer ({@code chain}, nearest first, at most
     * {@link ReferralPolicy#loopDepth()}), as read now.
     */
    public static Referral decide(Referral referral, Optional<Party> referee, Optional<Party> referrer,
                                  List<Party> chain, Instant now) {
        Optional<String> refusal = refusal(referral, referee, referrer, chain);
        if (refusal.isPresent()) {
            return referral.decided(ReferralStatus.REFUSED, refusal, now);
        }
        boolean refereeEarns = referee.map(p -> p.status().earnsBenefits()).orElse(false);
        return referral.rewarded(refereeEarns ? referral.refereePoints() : 0, now);
    }

    /** Why the referral earns nothing, if it does not. */
    static Optional<String> refusal(Referral referral, Optional<Party> referee, Optional<Party> referrer,
                                    List<Party> chain) {
        if (referrer.isEmpty()) {
            return Optional.of(UNKNOWN_REFERRER);
        }
        Party by = referrer.get();
        if (!by.status().earnsBenefits()) {
            return Optional.of("the referrer is not an active member (" + by.status().wire() + ")");
        }
        if (referee.isPresent() && same(referee.get().emailKey(), by.emailKey())) {
            return Optional.of(SELF_EMAIL);
        }
        if (referee.isPresent() && same(referee.get().phoneKey(), by.phoneKey())) {
            return Optional.of(SELF_PHONE);
        }
        String path = referral.refereeId() + " -> " + by.customerId();
        Optional<String> next = by.referrerId();
        for (Party up : chain) {
            if (next.isEmpty()) {
                break;
            }
            if (next.get().equals(referral.refereeId())) {
                break;
            }
            path += " -> " + up.customerId();
            next = up.referrerId();
        }
        if (next.filter(referral.refereeId()::equals).isPresent()) {
            return Optional.of("referral loop: " + path + " -> " + referral.refereeId());
        }
        return Optional.empty();
    }

    private static Referral first(Referral referral, ReferralOrder order, ReferralPolicy policy, Instant now) {
        Instant paid = order.paidAt().orElseThrow();
        Referral withOrder = referral.firstOrder(order.orderId(), paid, policy);
        if (policy.goLive().at().filter(paid::isBefore).isPresent()) {
            return withOrder.decided(ReferralStatus.REFUSED, Optional.of(BEFORE_GO_LIVE), now);
        }
        return order.undone() ? withOrder.decided(ReferralStatus.REVERSED, Optional.of(UNDONE_BEFORE), now)
                : withOrder;
    }

    private static boolean earlier(Instant paid, String orderId, Referral referral) {
        Instant known = referral.paidAt().orElseThrow();
        return paid.isBefore(known) || (paid.equals(known) && orderId.compareTo(referral.orderId().orElseThrow()) < 0);
    }

    private static boolean same(Optional<String> a, Optional<String> b) {
        return a.isPresent() && a.equals(b);
    }
}
