package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.bool;
import static dev.storecrm.platform.dynamodb.Attributes.l;
import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.putIfPresent;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.Cart.Closure;
import dev.storecrm.domain.cart.Cart.Contents;
import dev.storecrm.domain.cart.Cart.Recovery;
import dev.storecrm.domain.cart.Cart.Redemption;
import dev.storecrm.domain.cart.Cart.StepRecord;
import dev.storecrm.domain.cart.CartStep;
import dev.storecrm.domain.event.OrderEvent.Line;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.money.Money;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Explicit mapping between a {@link Cart} and its CartsTable item.
 *
 * <pre>
 * cartId (S, partition key)   rev (N, optimistic lock)   expiresAt (N, TTL: retention after the last write)
 * contents: activityStamp (S)  customerId (S)  hasEmail (BOOL)  total (N minor)  currency (S)  recoveryUrl (S)
 *           lineCount (N)  lines (L of M sku name quantity unitPrice currency imageUrl), at most 20
 * guest (M email consentAt locale timeZone): only on a guest's cart whose newest update carries the guest's
 *           marketing consent (contract version 2), for the guest's reminder and coupon
 * openCustomerId (S): the customer id while the cart is open with items, else absent (sparse index OpenByCustomer)
 * closure:  closedStamp (S)  closedBy (S)  closedOrderId (S)
 * sequence: steps (M step -> M at armedFor outcome)  abandonedAt (S)
 * attribution: recovery (M orderId orderedAt revenue source)  redemption (M orderId at discount)
 * </pre>
 * A guest's e-mail address is stored only with the guest's consent; otherwise a guest cart only records that it
 * has one. The item expires with the cart's retention.
 */
final class CartItemMapper {

    private CartItemMapper() {}

    static Map<String, AttributeValue> toItem(Cart cart, long revision, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("cartId", s(cart.cartId()));
        item.put("rev", n(revision));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        cart.contents().ifPresent(c -> {
            item.put("activityStamp", s(c.stamp().encode()));
            c.customerId().ifPresent(id -> item.put("customerId", s(id)));
            item.put("hasEmail", bool(c.hasEmail()));
            item.put("total", n(c.total().minor()));
            item.put("currency", s(c.total().currency().getCurrencyCode()));
            c.recoveryUrl().ifPresent(url -> item.put("recoveryUrl", s(url)));
            item.put("lineCount", n(c.lineCount()));
            item.put("lines", l(c.lines().stream().map(CartItemMapper::line).toList()));
            c.guest().ifPresent(g -> item.put("guest", m(guest(g))));
            if (cart.isEligible() && c.customerId().isPresent()) {
                item.put("openCustomerId", s(c.customerId().get()));
            }
        });
        cart.closure().ifPresent(c -> {
            item.put("closedStamp", s(c.stamp().encode()));
            item.put("closedBy", s(c.by().name()));
            item.put("closedOrderId", s(c.orderId()));
        });
        if (!cart.steps().isEmpty()) {
            Map<String, AttributeValue> steps = new HashMap<>();
            cart.steps().forEach((step, record) -> steps.put(step.wire(), m(Map.of("at", s(record.at().toString()),
                    "armedFor", s(record.armedFor().encode()), "outcome", s(record.outcome().name())))));
            item.put("steps", m(steps));
        }
        putIfPresent(item, "abandonedAt", cart.abandonedAt().orElse(null));
        cart.recovery().ifPresent(r -> item.put("recovery", m(Map.of("orderId", s(r.orderId()),
                "orderedAt", s(r.orderedAt().toString()), "revenue", n(r.revenueMinor()),
                "source", s(r.source().name())))));
        cart.redemption().ifPresent(r -> item.put("redemption", m(Map.of("orderId", s(r.orderId()),
                "at", s(r.at().toString()), "discount", n(r.discountMinor())))));
        return item;
    }

    static Revisioned<Cart> fromItem(Map<String, AttributeValue> item) {
        Optional<Contents> contents = Attributes.string(item, "activityStamp").map(stamp -> {
            String currency = item.get("currency").s();
            return new Contents(Stamp.decode(stamp), Attributes.string(item, "customerId"),
                    item.containsKey("hasEmail") && Boolean.TRUE.equals(item.get("hasEmail").bool()),
                    Attributes.list(item, "lines").stream().map(CartItemMapper::line).toList(),
                    (int) Attributes.number(item, "lineCount", 0),
                    Money.of(Attributes.number(item, "total", 0), currency), Attributes.string(item, "recoveryUrl"),
                    Optional.of(Attributes.map(item, "guest")).filter(g -> !g.isEmpty()).map(CartItemMapper::guest));
        });
        Optional<Closure> closure = Attributes.string(item, "closedStamp").map(stamp -> new Closure(Stamp.decode(stamp),
                Cart.ClosedBy.valueOf(item.get("closedBy").s()), item.get("closedOrderId").s()));
        Map<CartStep, StepRecord> steps = new EnumMap<>(CartStep.class);
        Attributes.map(item, "steps").forEach((name, value) -> steps.put(
                CartStep.fromWire(name).orElseThrow(() -> new IllegalStateException("unknown cart step " + name)),
                new StepRecord(Instant.parse(value.m().get("at").s()), Stamp.decode(value.m().get("armedFor").s()),
                        Cart.StepOutcome.valueOf(value.m().get("outcome").s()))));
        Map<String, AttributeValue> recovery = Attributes.map(item, "recovery");
        Map<String, AttributeValue> redemption = Attributes.map(item, "redemption");
        Cart cart = new Cart(item.get("cartId").s(), contents, closure, steps,
                Attributes.string(item, "abandonedAt").map(Instant::parse),
                recovery.isEmpty() ? Optional.empty() : Optional.of(new Recovery(recovery.get("orderId").s(),
                        Instant.parse(recovery.get("orderedAt").s()), Long.parseLong(recovery.get("revenue").n()),
                        Cart.RevenueSource.valueOf(recovery.get("source").s()))),
                redemption.isEmpty() ? Optional.empty() : Optional.of(new Redemption(redemption.get("orderId").s(),
                        Instant.parse(redemption.get("at").s()), Long.parseLong(redemption.get("discount").n()))));
        return new Revisioned<>(cart, Attributes.number(item, "rev", 0));
    }

    private static Map<String, AttributeValue> guest(Cart.Guest guest) {
        Map<String, AttributeValue> value = new HashMap<>();
        value.put("email", s(guest.email()));
        value.put("consentAt", s(guest.consentAt().toString()));
        guest.locale().ifPresent(v -> value.put("locale", s(v)));
        guest.timeZone().ifPresent(v -> value.put("timeZone", s(v)));
        return value;
    }

    private static Cart.Guest guest(Map<String, AttributeValue> value) {
        return new Cart.Guest(value.get("email").s(), Instant.parse(value.get("consentAt").s()),
                Attributes.string(value, "locale"), Attributes.string(value, "timeZone"));
    }

    private static AttributeValue line(Line line) {
        Map<String, AttributeValue> value = new HashMap<>();
        value.put("sku", s(line.sku()));
        value.put("name", s(line.name()));
        value.put("quantity", n(line.quantity()));
        value.put("unitPrice", n(line.unitPrice().minor()));
        value.put("currency", s(line.unitPrice().currency().getCurrencyCode()));
        putIfPresent(value, "imageUrl", line.imageUrl());
        return m(value);
    }

    private static Line line(AttributeValue value) {
        Map<String, AttributeValue> line = value.m();
        return new Line(line.get("sku").s(), line.get("name").s(), Integer.parseInt(line.get("quantity").n()),
                Money.of(Long.parseLong(line.get("unitPrice").n()), line.get("currency").s()),
                Attributes.string(line, "imageUrl").orElse(null));
    }
}
