package dev.storecrm.cartrecovery;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.CartPolicy;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.MemberArchive;
import dev.storecrm.domain.member.MemberLedger;
import dev.storecrm.domain.member.MemberPolicy;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.Purchases;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a cart's step checks about the cart's member when it falls due: who the member is (one read
 * of the archive), whether they paid an order since the cart's last activity, whether they can be
 * marketed to, the coupon their tier earns, and their time zone. A guest's cart (no member) is
 * marketable when its newest update carries the guest's consent; the guest's coupon is valued as
 * the tier {@value #GUEST_TIER} (else {@code *}), and counts against the guest's own cap by address hash.
 */
final class CartMemberChecks {

    /** The tier name a guest's coupon is valued by in {@code CART_COUPON_VALUES}. */
    static final String GUEST_TIER = "GUEST";

    private final MemberArchive members;
    private final MemberPolicy memberPolicy;
    private final CartPolicy policy;

    CartMemberChecks(MemberArchive members, MemberPolicy memberPolicy, CartPolicy policy) {
        this.members = members;
        this.memberPolicy = memberPolicy;
        this.policy = policy;
    }

    /** The cart's member; empty for a guest's cart or a member the archive does not know. */
    Optional<MemberRecord> member(Cart cart) {
        return cart.contents().flatMap(Cart.Contents::customerId)
                .flatMap(id -> members.find(id, false)).map(Revisioned::value);
    }

    /** The member's first payment after the cart's last activity, if any: the cart converted. */
    Optional<Purchases.Payment> paymentAfter(MemberRecord member, Stamp activity) {
        return new MemberLedger(memberPolicy).current(member).purchases().firstPaymentAfter(activity);
    }

    /**
     * A pre-check so that no coupon is issued to someone who cannot receive it: an active member
     * with marketing consent. The sender's check at send time (suppressions, unsubscribes, disputes,
     * caps) is the one that decides.
     */
    boolean marketable(MemberRecord member, Instant now) {
        return MemberSummary.of(member, memberPolicy, now).status() == MembershipStatus.ACTIVE
                && member.profile().marketingConsent() != null && member.profile().marketingConsent().granted();
    }

    /** The coupon value of the member's tier now; empty when the tier earns none. */
    Optional<CouponValue> couponValue(MemberRecord member, Instant now) {
        return MemberSummary.of(member, memberPolicy, now).tier().flatMap(policy.couponValues()::forTier);
    }

    ZoneId zoneOf(MemberRecord member) {
        return Optional.ofNullable(member.profile().timeZone()).orElse(policy.storeZone());
    }

    /** The cart's member marketable now, or (no member) the cart's guest with consent in its newest update. */
    boolean marketable(Cart cart, Optional<MemberRecord> member, Instant now) {
        return member.map(m -> marketable(m, now)).orElseGet(() -> cart.guest().isPresent());
    }

    /** The coupon value for the cart's member's tier, or for a consenting guest the {@value #GUEST_TIER} value. */
    Optional<CouponValue> couponValue(Cart cart, Optional<MemberRecord> member, Instant now) {
        if (member.isPresent()) {
            return couponValue(member.get(), now);
        }
        return cart.guest().flatMap(guest -> policy.couponValues().forTier(GUEST_TIER));
    }

    /** Whose coupon it is and whose cap it counts against: the member, or the guest by address hash. */
    String couponOwner(Cart cart, Optional<MemberRecord> member) {
        return member.map(MemberRecord::customerId).orElseGet(() -> cart.guest().orElseThrow().key());
    }

    /** The member's time zone, or the guest's as the cart gave it, else the store's. */
    ZoneId zoneOf(Cart cart, Optional<MemberRecord> member) {
        return member.map(this::zoneOf).orElseGet(() -> cart.guest().flatMap(Cart.Guest::timeZone).map(ZoneId::of)
                .orElse(policy.storeZone()));
    }
}
