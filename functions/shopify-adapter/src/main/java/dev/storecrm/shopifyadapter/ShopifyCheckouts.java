package dev.storecrm.shopifyadapter;

import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.money.Money;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.ContractValues;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.Payload;
import java.util.Optional;

/**
 * Shopify's checkout topics. An open (abandoned) checkout is a cart: {@code checkouts/create} and
 * {@code checkouts/update} become CartUpdated with its lines, total, the buyer's e-mail, the
 * {@code abandoned_checkout_url} to come back to and the buyer's language. A completed checkout
 * publishes nothing: its order's {@code orders/create} carries the CheckoutCompleted (it names the
 * order, which a checkout does not). {@code checkouts/delete} empties the cart, which ends its
 * reminders. Carts are {@code shopify:checkout:<checkout id>}, the id an order's
 * {@code checkout_id} names.
 *
 * <p>A guest's e-mail marketing consent ({@code buyer_accepts_marketing}) has no place on CartUpdated
 * in contract version 1: the cart is published without it and the payload is also kept
 * ({@code NOT_YET_MAPPED}), to be replayed once the contract carries it.
 */
final class ShopifyCheckouts {

    private final ShopifyMoney money;

    ShopifyCheckouts(ShopifyMoney money) {
        this.money = money;
    }

    static String cartId(String checkoutId) {
        return "shopify:checkout:" + checkoutId;
    }

    Mapping changed(ShopifyDelivery delivery) {
        Payload checkout = delivery.payload();
        if (checkout.has("completed_at")) {
            return Mapping.ignored("IGNORED_COMPLETED_CHECKOUT");
        }
        String currency = checkout.text("currency");
        String presentment = checkout.optionalText("presentment_currency").orElse(currency);
        if (!presentment.equalsIgnoreCase(currency)) {
            money.amounts().requireStoreCurrency(
                    dev.storecrm.platform.adapter.Amounts.currency(presentment, "payload.presentment_currency"),
                    "payload.presentment_currency (a checkout shown in another currency carries no "
                            + "shop-currency prices)");
        }
        Optional<String> customerId = checkout.optionalObject("customer").flatMap(c -> c.optionalId("id"))
                .map(id -> "shopify:" + id);
        CanonicalEvent cart = CanonicalEvent.of(delivery.canonicalId("CartUpdated"), "CartUpdated",
                        delivery.at(checkout.optionalDateTime("updated_at")), ShopifyDelivery.SOURCE)
                .put("cartId", cartId(checkout.id("id")))
                .put("customerId", customerId.orElse(null))
                .put("email", ContractValues.email(checkout.optionalText("email")).orElse(null))
                .put("total", money.amounts().storeMoney(checkout.text("total_price"), currency,
                        checkout.path("total_price")))
                .put("recoveryUrl",
                        ContractValues.httpsUrl(checkout.optionalText("abandoned_checkout_url")).orElse(null))
                .put("locale", ContractValues.locale(checkout.optionalText("customer_locale")).orElse(null));
        cart.body().set("lines", money.checkoutLines(checkout.objects("line_items"), currency));
        Mapping mapping = Mapping.publish(cart);
        if (customerId.isEmpty() && checkout.bool("buyer_accepts_marketing")) {
            mapping = mapping.alsoKeeping(RejectReason.NOT_YET_MAPPED, "checkout " + checkout.id("id")
                    + ": a guest's e-mail marketing consent has no place on CartUpdated in contract v1 (pending v2);"
                    + " the cart was published without it");
        }
        return mapping;
    }

    Mapping deleted(ShopifyDelivery delivery) {
        Payload checkout = delivery.payload();
        Money nothing = money.amounts().zero();
        CanonicalEvent cart = CanonicalEvent.of(delivery.canonicalId("CartUpdated"), "CartUpdated",
                        delivery.at(Optional.empty()), ShopifyDelivery.SOURCE)
                .put("cartId", cartId(checkout.id("id"))).put("total", nothing);
        cart.body().set("lines", CanonicalEvent.array());
        return Mapping.publish(cart);
    }
}
