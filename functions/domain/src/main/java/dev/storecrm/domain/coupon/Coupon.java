package dev.storecrm.domain.coupon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-use coupon the product issued: its code, the campaign and business key it was issued
 * for (so a redemption is attributed), whom it is for, what it is worth, and until when.
 *
 * @param redemption the order that used it, once one did
 */
public record Coupon(String code, String campaign, String businessKey, String customerId, CouponValue value,
                     Instant issuedAt, Instant expiresAt, Optional<Redemption> redemption) {

    /** The order that redeemed a coupon, and what the coupon took off it. */
    public record Redemption(String orderId, Instant at, long orderTotalMinor, long discountMinor) {}

    public Coupon {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(businessKey, "businessKey");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        redemption = Objects.requireNonNullElse(redemption, Optional.empty());
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a coupon must expire after it is issued");
        }
    }

    public boolean isRedeemed() {
        return redemption.isPresent();
    }

    /** As a message shows it: {@code code}, {@code value} ({@link CouponValue#describe}) and {@code validUntil}. */
    public Map<String, Object> messageData(ZoneId zone) {
        return Map.of("code", code, "value", value.describe(), "validUntil",
                LocalDate.ofInstant(expiresAt, zone).toString());
    }

    /** The message data of no coupon: every field empty, so that a template's placeholders render nothing. */
    public static Map<String, Object> noMessageData() {
        return Map.of("code", "", "value", "", "validUntil", "");
    }

    public boolean isValidAt(Instant moment) {
        return !isRedeemed() && !moment.isBefore(issuedAt) && moment.isBefore(expiresAt);
    }
}
