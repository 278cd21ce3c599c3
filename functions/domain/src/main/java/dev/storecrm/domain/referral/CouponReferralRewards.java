package dev.storecrm.domain.referral;

import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.messaging.MessageOutbox;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * Rewards as coupons ({@code ReferralReward: coupon}): each rewarded party gets one single-use coupon of the
 * configured value, issued under the reward's request key (issuing again gives the same coupon), and a
 * transactional mail with its code ({@code referral-reward}, once per key: the sender's exactly-once). A
 * reversal revokes the coupon if it is still unused, so no order can redeem it after; a coupon already
 * redeemed stays redeemed, as spent points stay spent. The points of the policy are not given.
 */
public final class CouponReferralRewards implements ReferralRewards {

    static final String TEMPLATE = "referral-reward";
    private static final String JOURNEY = "referral";

    private final CouponBook coupons;
    private final MessageOutbox outbox;
    private final CouponValue value;
    private final Duration validity;
    private final ZoneId storeZone;
    private final Clock clock;

    public CouponReferralRewards(CouponBook coupons, MessageOutbox outbox, CouponValue value, Duration validity,
                                 ZoneId storeZone, Clock clock) {
        this.coupons = coupons;
        this.outbox = outbox;
        this.value = value;
        this.validity = validity;
        this.storeZone = storeZone;
        this.clock = clock;
    }

    @Override
    public boolean give(String customerId, long points, String requestKey, String reason) {
        Instant now = clock.instant();
        Coupon coupon = coupons.issue(new CouponBook.Issue(requestKey, ReferralPolicy.COUPON_CAMPAIGN, customerId,
                value, now, now.plus(validity)));
        if (!coupon.isValidAt(now)) {
            return false; // revoked, or issued so long ago that it lapsed: no mail for a coupon that cannot be used
        }
        outbox.enqueue(MessageRequest.transactional("REFERRAL#" + requestKey, JOURNEY,
                new Recipient.Member(customerId), TEMPLATE, Map.of("coupon", coupon.messageData(storeZone)), now));
        return true;
    }

    @Override
    public long takeBack(String customerId, long points, String requestKey, String reason) {
        // The reversal's key names the reward it reverses; the coupon was issued under the reward's key.
        String rewardKey = Referral.rewardKeyOf(requestKey);
        return coupons.revoke(ReferralPolicy.COUPON_CAMPAIGN, rewardKey, reason, clock.instant()).isPresent() ? 1 : 0;
    }
}
