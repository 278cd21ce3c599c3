package dev.storecrm.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.money.Money;
import dev.storecrm.domain.golive.GoLivePolicy;
import dev.storecrm.domain.referral.CouponReferralRewards;
import dev.storecrm.domain.referral.Referral;
import dev.storecrm.domain.referral.ReferralPolicy;
import dev.storecrm.domain.referral.ReferralRewards;
import dev.storecrm.domain.time.SimulatedClock;
import dev.storecrm.fixtures.memory.InMemoryCoupons;
import dev.storecrm.fixtures.memory.RecordingOutbox;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Coupon rewards with in-memory coupons and outbox: one coupon and one mail per reward key, a reversal that
 * revokes only an unused coupon, and each referral rewarded in the kind it recorded when it opened.
 */
class CouponReferralRewardsTest {

    private static final String KEY = "referral:c-new";

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2027-03-01T02:00:00Z"));
    private final InMemoryCoupons coupons = new InMemoryCoupons();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final CouponReferralRewards rewards = new CouponReferralRewards(coupons, outbox,
            CouponValue.parse("CNY:2000"), Duration.ofDays(30), ZoneId.of("Asia/Shanghai"), clock);

    @Test
    void aRewardIsOneCouponAndOneMailWhateverTheRepeats() {
        assertTrue(rewards.give("c-ref", 500, KEY, "referral reward for c-new"));
        assertTrue(rewards.give("c-ref", 500, KEY, "referral reward for c-new"));
        assertEquals(1, coupons.issued().size());
        Coupon coupon = coupons.forKey(KEY).orElseThrow();
        assertEquals("c-ref", coupon.customerId());
        assertTrue(coupon.code().startsWith("REFE-"), coupon.code());
        assertEquals(List.of("REFERRAL#" + KEY, "REFERRAL#" + KEY), outbox.keys(),
                "the same business key: the sender sends it once");
        assertEquals(Map.of("coupon", Map.of("code", coupon.code(), "value", "CNY 20.00", "validUntil",
                "2027-03-31")), outbox.requests().getFirst().data());
        assertEquals("transactional", outbox.requests().getFirst().category().name());
    }

    @Test
    void aReversalRevokesAnUnusedCouponAndNoMailFollowsIt() {
        rewards.give("c-ref", 500, KEY, "why");
        clock.set(clock.instant().plus(Duration.ofDays(3)));
        assertEquals(1, rewards.takeBack("c-ref", 500, Referral.reversalKey(KEY), "refunded"));
        assertEquals(0, rewards.takeBack("c-ref", 500, Referral.reversalKey(KEY), "refunded"), "once");
        Coupon revoked = coupons.forKey(KEY).orElseThrow();
        assertFalse(revoked.isValidAt(clock.instant()));
        assertEquals(Optional.empty(), coupons.redeem(revoked.code(), "o-9", "c-ref", Money.of(50_000, "CNY"),
                clock.instant().plusSeconds(1)), "no order can redeem it");
        outbox.clear();
        assertFalse(rewards.give("c-ref", 500, KEY, "why"), "a redelivered reward finds it revoked");
        assertTrue(outbox.requests().isEmpty(), "and mails nothing");
    }

    @Test
    void aCouponAlreadyRedeemedStaysRedeemed() {
        rewards.give("c-ref", 500, KEY, "why");
        Coupon coupon = coupons.forKey(KEY).orElseThrow();
        assertTrue(coupons.redeem(coupon.code(), "o-7", "c-ref", Money.of(30_000, "CNY"), clock.instant())
                .isPresent());
        assertEquals(0, rewards.takeBack("c-ref", 500, Referral.reversalKey(KEY), "refunded"));
        assertTrue(coupons.forKey(KEY).orElseThrow().isRedeemed());
    }

    @Test
    void eachReferralIsRewardedInTheKindItRecorded() {
        List<String> given = new ArrayList<>();
        ReferralRewards points = new ReferralRewards() {
            @Override
            public boolean give(String customerId, long amount, String requestKey, String reason) {
                return given.add("points " + amount);
            }

            @Override
            public long takeBack(String customerId, long amount, String requestKey, String reason) {
                return 0;
            }
        };
        Function<String, ReferralRewards> byKind = ReferralRewards.byKind(points, value -> {
            given.add("coupon " + value.wire());
            return rewards;
        });
        assertSame(points, byKind.apply("points"));
        assertSame(rewards, byKind.apply("coupon 15%"));
        assertSame(rewards, byKind.apply(new ReferralPolicy(Duration.ofDays(30), 500, 0, 3,
                GoLivePolicy.none(), Optional.of(CouponValue.parse("CNY:500")), Duration.ofDays(30))
                .rewardName()));
        assertEquals(List.of("coupon 15%", "coupon CNY:500"), given);
    }
}
