package dev.storecrm.domain.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One referral, one record per referee (so one reward per referee, whatever the events do): who
 * referred them, the first paid order that decides the reward and when its refund window ends, the
 * status and, for a refusal or reversal, the reason staff see.
 *
 * @param orderId        the referee's first paid order as far as the ledger has learnt (empty only in records
 *                       written by hand)
 * @param referrerPoints the referrer's reward: planned while pending, given once rewarded
 * @param refereePoints  the referee's reward (0: none, or the referee was not an active member)
 * @param rewarded       whether the reward was given (stays true when it is reversed)
 * @param recordedAt     when the referral was first seen (the month the staff list shows it under)
 * @param reward         what the reward is ({@link ReferralPolicy#rewardName()}): {@code points}, or a coupon
 *                       ({@code coupon 10%}) in place of the points, as the policy said when the referral opened
 */
public record Referral(String refereeId, String referrerId, ReferralStatus status, Optional<String> orderId,
                       Optional<Instant> paidAt, Optional<Instant> qualifiesAt, Optional<String> reason,
                       long referrerPoints, long refereePoints, boolean rewarded, Instant recordedAt,
                       Optional<Instant> decidedAt, String reward) {

    private static final String REVERSAL = ":reversal";

    /** A referral rewarded in points. */
    public Referral(String refereeId, String referrerId, ReferralStatus status, Optional<String> orderId,
                    Optional<Instant> paidAt, Optional<Instant> qualifiesAt, Optional<String> reason,
                    long referrerPoints, long refereePoints, boolean rewarded, Instant recordedAt,
                    Optional<Instant> decidedAt) {
        this(refereeId, referrerId, status, orderId, paidAt, qualifiesAt, reason, referrerPoints, refereePoints,
                rewarded, recordedAt, decidedAt, ReferralPolicy.POINTS);
    }

    public Referral {
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(refereeId, "refereeId");
        Objects.requireNonNull(referrerId, "referrerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(qualifiesAt, "qualifiesAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (status == ReferralStatus.PENDING && qualifiesAt.isEmpty()) {
            throw new IllegalArgumentException("a pending referral waits for its first order's refund window");
        }
        if ((status == ReferralStatus.REFUSED || status == ReferralStatus.REVERSED) && reason.isEmpty()) {
            throw new IllegalArgumentException("a refused or reversed referral says why");
        }
    }

    /** A referral seen for the first time. */
    static Referral opened(String refereeId, String referrerId, String orderId, Instant paidAt,
                           ReferralPolicy policy, Instant now) {
        return new Referral(refereeId, referrerId, ReferralStatus.PENDING, Optional.of(orderId), Optional.of(paidAt),
                Optional.of(paidAt.plus(policy.refundWindow())), Optional.empty(), policy.referrerPoints(),
                policy.refereePoints(), false, now, Optional.empty(), policy.rewardName());
    }

    Referral firstOrder(String newOrderId, Instant paid, ReferralPolicy policy) {
        return new Referral(refereeId, referrerId, ReferralStatus.PENDING, Optional.of(newOrderId), Optional.of(paid),
                Optional.of(paid.plus(policy.refundWindow())), Optional.empty(), referrerPoints, refereePoints,
                rewarded, recordedAt, Optional.empty(), reward);
    }

    Referral decided(ReferralStatus newStatus, Optional<String> why, Instant now) {
        return new Referral(refereeId, referrerId, newStatus, orderId, paidAt, qualifiesAt, why, referrerPoints,
                refereePoints, rewarded, recordedAt, Optional.of(now), reward);
    }

    Referral rewarded(long refereeReward, Instant now) {
        return new Referral(refereeId, referrerId, ReferralStatus.REWARDED, orderId, paidAt, qualifiesAt,
                Optional.empty(), referrerPoints, refereeReward, true, recordedAt, Optional.of(now), reward);
    }

    public boolean pending() {
        return status == ReferralStatus.PENDING;
    }

    /** The request keys of the ledger's grants: one reward per referee and role, one reversal each. */
    public String referrerRewardKey() {
        return "referral:" + refereeId;
    }

    public String refereeRewardKey() {
        return "referral-welcome:" + refereeId;
    }

    public static String reversalKey(String rewardKey) {
        return rewardKey + REVERSAL;
    }

    /** The reward's key of a reversal's key ({@link #reversalKey}): what a coupon reward was issued under. */
    public static String rewardKeyOf(String reversalKey) {
        if (!reversalKey.endsWith(REVERSAL)) {
            throw new IllegalArgumentException("not a reversal's key: " + reversalKey);
        }
        return reversalKey.substring(0, reversalKey.length() - REVERSAL.length());
    }
}
