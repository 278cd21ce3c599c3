package dev.storecrm.domain.cart;

/** The daily figures of cart recovery, as attribute names of the daily report. */
public enum CartMetric {
    /** Carts whose first step fell due while they were open, with items and a contact. */
    ABANDONED("abandoned"),
    /** Abandoned carts whose first message was handed to the sender. */
    REMINDED("reminded"),
    /** Abandoned carts held out of the sequence (the control group: no message, no coupon). */
    HELD_OUT("heldOut"),
    /** Cart coupons issued. */
    COUPONS_ISSUED("couponsIssued"),
    /** Carts ordered within the attribution window after their first message was sent. */
    RECOVERED("recovered"),
    /** What those orders were worth, in minor units of the store currency. */
    RECOVERED_REVENUE("recoveredRevenue"),
    /**
     * Held-out carts ordered within the attribution window after their first step would have gone: what the
     * control group does without the mail, against {@link #RECOVERED} of the reminded carts.
     */
    HELD_OUT_RECOVERED("heldOutRecovered"),
    /** What those orders were worth, in minor units of the store currency. */
    HELD_OUT_REVENUE("heldOutRevenue"),
    /** What redeemed cart coupons took off their orders, in minor units of the store currency. */
    COUPON_COST("couponCost");

    private final String attribute;

    CartMetric(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
