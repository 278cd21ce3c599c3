package dev.storecrm.domain.loyalty;

import java.util.Arrays;
import java.util.Optional;

/** What moved a member's points. Credits add points (each into the lot of its expiry date), debits take them. */
public enum EntryKind {
    /** Points an order earned at the plain rate (the member archive's pricing of the payment). */
    EARNED(true),
    /** The extra points of an order paid in the member's birthday window (double points: the second half). */
    BIRTHDAY_BONUS(true),
    /** The extra points of an order paid on a member day (the multiplier of the member's tier, less the plain). */
    MEMBER_DAY_BONUS(true),
    /** Points for a referral (the referrer's or the referee's reward). */
    REFERRAL(true),
    /** An operator's correction, with the acting identity and the reason: a credit or a debit. */
    ADJUSTMENT(true),
    /** Redeemed points returned because the order they paid for was cancelled or refunded. */
    RETURNED(true),
    /** Points spent at the store's checkout (a confirmed redemption). */
    REDEEMED(false),
    /** Points that reached their expiry date unspent. */
    EXPIRED(false),
    /** Points an order earned, taken back: the order was refunded or cancelled, or repriced. */
    REVERSED(false);

    private final boolean credit;

    EntryKind(boolean credit) {
        this.credit = credit;
    }

    /** Whether entries of this kind normally add points (an adjustment may go either way). */
    public boolean credit() {
        return credit;
    }

    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<EntryKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(value)).findFirst();
    }
}
