package dev.storecrm.domain.loyalty;

import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.domain.golive.GoLivePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** The policy and messages the loyalty tests share: points expire at the end of the 12th month, Shanghai time. */
final class LoyaltyFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LoyaltyPolicy POLICY = new LoyaltyPolicy(ExpiryRule.parse("months:12"), 30, 100, LocalTime.of(10, 0),
            Duration.ofMinutes(30), 5, Duration.ofDays(1_100), SHANGHAI, GoLivePolicy.none(), Holdout.NONE);

    private LoyaltyFixtures() {}

    /** The archive's word on an order paid at {@code paidAt}, with {@code points} at {@code multiplier}. */
    static OrderPoints paid(String orderId, long revision, String paidAt, int multiplier, long points, long paidMinor) {
        return new OrderPoints("c-1", orderId, revision, Optional.of(Instant.parse(paidAt)), multiplier, points,
                paidMinor, 0, false, Optional.of(SHANGHAI));
    }

    /** The archive's word on an order paid on a member day, with {@code points} at {@code multiplier}. */
    static OrderPoints paidOnMemberDay(String orderId, long revision, String paidAt, String multiplier, long points,
                                       long paidMinor) {
        return new OrderPoints("c-1", orderId, revision, Optional.of(Instant.parse(paidAt)),
                new java.math.BigDecimal(multiplier), points, paidMinor, 0, false, Optional.of(SHANGHAI),
                Optional.empty(), true);
    }

    static OrderPoints refunded(OrderPoints paid, long revision, long refundedMinor, long pointsLeft) {
        return new OrderPoints(paid.customerId(), paid.orderId(), revision, paid.paidAt(), paid.multiplier(),
                pointsLeft, paid.paidMinor(), refundedMinor, false, paid.timeZone(), paid.referrerId(),
                paid.memberDay());
    }

    static OrderPoints cancelled(OrderPoints paid, long revision) {
        return new OrderPoints(paid.customerId(), paid.orderId(), revision, paid.paidAt(), paid.multiplier(), 0,
                paid.paidMinor(), 0, true, paid.timeZone(), paid.referrerId(), paid.memberDay());
    }
}
