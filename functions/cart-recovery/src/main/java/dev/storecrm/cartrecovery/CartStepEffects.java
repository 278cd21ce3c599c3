package dev.storecrm.cartrecovery;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.Cart.StepOutcome;
import dev.storecrm.domain.cart.CartPolicy;
import dev.storecrm.domain.cart.CartSequence;
import dev.storecrm.domain.cart.CartStep;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.coupon.CouponBook;
import dev.storecrm.domain.coupon.CouponValue;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.messaging.MessageOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a taken step does once it is recorded: the reminder goes to the outbox; the coupon step
 * issues the cart's coupon (idempotent per cart, valued by the member's tier, or for a consenting
 * guest by the guest value) and hands its message
 * to the outbox; a held-out step hands the outbox only its record (no message, no coupon). All are
 * idempotent by business key, so a redelivered firing may repeat them.
 */
final class CartStepEffects {

    private static final Logger LOG = LoggerFactory.getLogger(CartStepEffects.class);

    private final CartMemberChecks members;
    private final CouponBook coupons;
    private final MessageOutbox outbox;
    private final CartMessages messages;
    private final CartPolicy policy;

    CartStepEffects(CartMemberChecks members, CouponBook coupons, MessageOutbox outbox, CartMessages messages,
                    CartPolicy policy) {
        this.members = members;
        this.coupons = coupons;
        this.outbox = outbox;
        this.messages = messages;
        this.policy = policy;
    }

    void of(Cart cart, CartStep step, StepOutcome outcome, Optional<MemberRecord> member, Instant now) {
        if (outcome == StepOutcome.HELD_OUT) {
            outbox.enqueue(messages.heldOut(cart, step, now));
            return;
        }
        switch (step) {
            case REMINDER -> outbox.enqueue(messages.reminder(cart, reminderWorthUntil(cart, now), now));
            case COUPON -> {
                Optional<CouponValue> value = members.couponValue(cart, member, now);
                if (value.isEmpty()) {
                    // Only on a redelivered firing after the tier lost its coupon value (a policy change).
                    LOG.warn("cart coupon not issued: the tier has no coupon value any more",
                            entry("cartId", cart.cartId()));
                    return;
                }
                Coupon coupon = coupons.issue(new CouponBook.Issue(CartStep.COUPON.businessKey(cart.cartId()),
                        Cart.CAMPAIGN, members.couponOwner(cart, member), value.get(), now,
                        now.plus(policy.couponValidity())));
                outbox.enqueue(messages.coupon(cart, coupon, members.zoneOf(cart, member), now));
            }
        }
    }

    /**
     * A reminder is pointless once the next step of the sequence is due (or a day after it was
     * planned, if it is the last).
     */
    private Instant reminderWorthUntil(Cart cart, Instant now) {
        Instant activity = cart.activity().orElseThrow().at();
        return policy.sequence().steps().stream()
                .filter(s -> s.delay().compareTo(policy.sequence().delayOf(CartStep.REMINDER)) > 0)
                .map(CartSequence.Step::delay).findFirst()
                .map(activity::plus)
                .orElse(now.plus(Duration.ofDays(1)));
    }
}
