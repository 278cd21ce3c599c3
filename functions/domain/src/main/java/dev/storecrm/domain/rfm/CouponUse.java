package dev.storecrm.domain.rfm;

import java.util.List;

/** How many of a member's orders used a coupon: read from those orders only (at most three). */
public interface CouponUse {

    int withCoupons(String customerId, List<String> orderIds);
}
