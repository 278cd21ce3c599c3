package dev.storecrm.domain.coupon;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-member caps on coupons ("at most N cart coupons per member in 30 days"), claimed before a
 * coupon is promised. A claim is one conditional write on the member's {@link CouponGrants}, so
 * two issuers deciding at the same moment for two carts of one member cannot both take the last
 * place: one of them finds the record changed, reads it again and is refused.
 */
public interface CouponAllowance {

    /**
     * Claims a place for {@code businessKey} among at most {@code limit} coupons of {@code campaign}
     * granted to the customer within {@code window} before {@code now}.
     *
     * @return true if the key holds a place (also when it already held one), false if the cap is full
     * @throws dev.storecrm.domain.ConcurrentUpdateException if the record kept changing
     */
    boolean claim(String customerId, String campaign, String businessKey, int limit, Duration window, Instant now);

    /** Gives back the place of a key whose coupon will not be issued (its step was not recorded). */
    void release(String customerId, String campaign, String businessKey);
}
