package dev.storecrm.cartrecovery;

import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.Cart.Contents;
import dev.storecrm.domain.cart.CartStep;
import dev.storecrm.domain.coupon.Coupon;
import dev.storecrm.domain.event.OrderEvent.Line;
import dev.storecrm.domain.messaging.ExitCondition;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The message requests of the cart sequence: marketing to the cart's member, or to the guest who
 * consented at checkout (at the cart's address, with the consent's evidence), business key
 * {@code CART#<cartId>#<step>}, the cart's lines (name, quantity, prices, image URL when given;
 * the sender escapes every value), the recovery link, and for the coupon its code, value and expiry.
 * Each request exits (is skipped at send time) if the cart was checked out, ordered or changed
 * since the step was armed, or if the member paid an order after the cart's last activity.
 */
final class CartMessages {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final String storeUrl;

    /** @param storeUrl the link for carts that carry no recovery URL */
    CartMessages(String storeUrl) {
        this.storeUrl = storeUrl;
    }

    /** The reminder; pointless once the next step is due ({@code notAfter}). */
    MessageRequest reminder(Cart cart, Instant notAfter, Instant now) {
        return request(cart, CartStep.REMINDER, cartData(cart), now).notAfter(notAfter);
    }

    /**
     * The coupon message; it must go while at least half the coupon's validity is left, so a
     * member never receives a coupon about to expire.
     */
    MessageRequest coupon(Cart cart, Coupon coupon, ZoneId zone, Instant now) {
        Map<String, Object> data = cartData(cart);
        Map<String, Object> offer = new HashMap<>();
        offer.put("code", coupon.code());
        offer.put("discount", coupon.value().describe());
        offer.put("expiresAt", LOCAL.format(coupon.expiresAt().atZone(zone)));
        offer.put("timeZone", zone.getId());
        data.put("coupon", offer);
        Duration validity = Duration.between(coupon.issuedAt(), coupon.expiresAt());
        return request(cart, CartStep.COUPON, data, now).notAfter(coupon.issuedAt().plus(validity.dividedBy(2)));
    }

    /** A held-out step's record: the step's key and recipient, recorded by the sender when it would have gone. */
    MessageRequest heldOut(Cart cart, CartStep step, Instant now) {
        return request(cart, step, Map.of(), now).heldOutOf();
    }

    private static MessageRequest request(Cart cart, CartStep step, Map<String, Object> data, Instant now) {
        Contents contents = cart.contents().orElseThrow();
        MessageRequest request = MessageRequest.marketing(step.businessKey(cart.cartId()), Cart.CAMPAIGN,
                contents.customerId().isPresent() ? new Recipient.Member(contents.customerId().get())
                        : guest(cart.cartId(), contents.guest().orElseThrow()), step.templateId(), data, now);
        return request.exitWhen(new ExitCondition.AnyOf(List.of(
                        new ExitCondition.NoOrderSince(contents.stamp().at()),
                        new ExitCondition.CartClosedOrChanged(cart.cartId(), contents.stamp()))));
    }

    /** A consenting guest, with the consent's evidence: the cart and the moment the guest consented. */
    private static Recipient.Guest guest(String cartId, Cart.Guest guest) {
        return new Recipient.Guest(guest.email(), cartId, guest.consentAt(), guest.locale(),
                guest.timeZone().map(ZoneId::of));
    }

    private Map<String, Object> cartData(Cart cart) {
        Contents contents = cart.contents().orElseThrow();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Line line : contents.lines()) {
            Map<String, Object> shown = new HashMap<>();
            shown.put("name", line.name());
            shown.put("quantity", line.quantity());
            shown.put("unitPrice", line.unitPrice().toString());
            shown.put("lineTotal", new Money(Math.multiplyExact(line.unitPrice().minor(), (long) line.quantity()),
                    line.unitPrice().currency()).toString());
            shown.put("hasImage", line.imageUrl() != null);
            shown.put("imageUrl", line.imageUrl() == null ? "" : line.imageUrl());
            lines.add(shown);
        }
        int more = contents.lineCount() - contents.lines().size();
        Map<String, Object> shownCart = new HashMap<>();
        shownCart.put("lines", lines);
        shownCart.put("total", contents.total().toString());
        shownCart.put("moreLines", more);
        shownCart.put("hasMore", more > 0);
        Map<String, Object> data = new HashMap<>();
        data.put("cart", shownCart);
        data.put("recoveryUrl", contents.recoveryUrl().orElse(storeUrl));
        return data;
    }
}
