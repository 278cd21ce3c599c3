package dev.storecrm.stripeadapter;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.money.Money;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.ContractValues;
import dev.storecrm.platform.adapter.CustomerContacts;
import dev.storecrm.platform.adapter.CustomerIds;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stripe Checkout sessions in payment mode. {@code checkout.session.completed}: the order was placed
 * (OrderPlaced), paid when {@code payment_status} is {@code paid} (OrderPaid, with the contact the
 * buyer gave), and the checkout completed (CheckoutCompleted); a delayed payment method pays later
 * ({@code checkout.session.async_payment_succeeded}: OrderPaid). {@code checkout.session.expired}
 * is a recoverable cart (CartUpdated) only when the session has a recovery URL and the buyer agreed
 * to promotional messages ({@code consent.promotions: opt_in}); otherwise nothing is published. A customer's
 * consent becomes a MemberUpdated of its own; a guest's (with an e-mail address) travels on the cart as its
 * {@code marketingConsent} (contract version 2).
 *
 * <p>Orders are {@code stripe:<PaymentIntent id>} (every refund and dispute names it), carts
 * {@code stripe:<session id>}; a session opened by an expired one's recovery link checks out the
 * expired session's cart ({@code recovered_from}), the one its reminders were about. The amount is
 * the session's total in the store currency: the merchant-currency total of an Adaptive Pricing
 * session ({@code currency_conversion}). The event carries no line items (they need an API call
 * with the secret key, which the adapter does not hold), so the order and the cart have one line
 * for the whole amount.
 */
final class StripeCheckouts {

    private final Amounts amounts;

    StripeCheckouts(Amounts amounts) {
        this.amounts = amounts;
    }

    Mapping completed(StripeEvent event) {
        Payload session = paymentSession(event);
        String orderId = orderId(session);
        String customerId = customerId(session);
        Money total = total(session);
        // A recovery link (after_expiration.recovery) opens a new session: the cart is the expired one it recovers.
        String cartId = "stripe:" + session.optionalId("recovered_from").orElseGet(() -> session.id("id"));
        CanonicalEvent placed = CanonicalEvent.of(event.canonicalId("OrderPlaced"), "OrderPlaced", event.created(),
                StripeEvent.SOURCE).put("orderId", orderId).put("customerId", customerId).put("total", total)
                .put("cartId", cartId);
        placed.body().set("lines", summaryLine(total));
        List<CanonicalEvent> events = new ArrayList<>(List.of(placed));
        if (session.optionalText("payment_status").orElse("").equals("paid")) {
            events.add(paid(event, session, orderId, customerId, total));
        }
        events.add(CanonicalEvent.of(event.canonicalId("CheckoutCompleted"), "CheckoutCompleted", event.created(),
                StripeEvent.SOURCE).put("cartId", cartId).put("orderId", orderId).put("customerId", customerId));
        return Mapping.publish(events).withOwner(orderId, customerId,
                CustomerContacts.ofCheckout(contact(event, session)));
    }

    Mapping asyncPaid(StripeEvent event) {
        Payload session = paymentSession(event);
        String orderId = orderId(session);
        String customerId = customerId(session);
        return Mapping.publish(paid(event, session, orderId, customerId, total(session)))
                .withOwner(orderId, customerId, CustomerContacts.ofCheckout(contact(event, session)));
    }

    Mapping expired(StripeEvent event) {
        Payload session = paymentSession(event);
        Optional<String> recoveryUrl = ContractValues.httpsUrl(session.optionalObject("after_expiration")
                .flatMap(a -> a.optionalObject("recovery")).flatMap(r -> r.optionalText("url")));
        if (recoveryUrl.isEmpty() || !optedIn(session)) {
            return Mapping.ignored("IGNORED_NOT_RECOVERABLE");
        }
        Money total = total(session);
        Optional<String> customerId = session.optionalId("customer").map(id -> "stripe:" + id);
        CanonicalEvent cart = CanonicalEvent.of(event.canonicalId("CartUpdated"), "CartUpdated", event.created(),
                        StripeEvent.SOURCE).put("cartId", "stripe:" + session.id("id"))
                .put("customerId", customerId.orElse(null)).put("email", email(session).orElse(null))
                .put("total", total).put("recoveryUrl", recoveryUrl.get()).put("locale", locale(session).orElse(null));
        cart.body().set("lines", summaryLine(total));
        if (customerId.isEmpty()) {
            if (email(session).isPresent()) {
                cart.putSince(2, "marketingConsent", consent(event));
            }
            return Mapping.publish(cart);
        }
        CanonicalEvent consent = CanonicalEvent.of(event.canonicalId("MemberUpdated"), "MemberUpdated", event.created(),
                StripeEvent.SOURCE).put("customerId", customerId.get());
        consent.body().putObject("profile").set("marketingConsent", consent(event));
        return Mapping.publish(cart, consent);
    }

    private CanonicalEvent paid(StripeEvent event, Payload session, String orderId, String customerId, Money total) {
        CanonicalEvent paid = CanonicalEvent.of(event.canonicalId("OrderPaid"), "OrderPaid", event.created(),
                StripeEvent.SOURCE).put("orderId", orderId).put("customerId", customerId).put("amount", total);
        ObjectNode contact = contact(event, session);
        if (!contact.isEmpty()) {
            paid.body().set("customer", contact);
        }
        return paid;
    }

    /** The contact the buyer gave: OrderPaid's {@code customer}, and what the order's owner is remembered with. */
    private static ObjectNode contact(StripeEvent event, Payload session) {
        ObjectNode contact = CanonicalEvent.object();
        Optional<Payload> details = session.optionalObject("customer_details");
        details.flatMap(d -> d.optionalText("name")).map(n -> ContractValues.cut(n, ContractValues.NAME))
                .ifPresent(n -> contact.put("name", n));
        email(session).ifPresent(e -> contact.put("email", e));
        ContractValues.phone(details.flatMap(d -> d.optionalText("phone"))).ifPresent(p -> contact.put("phone", p));
        locale(session).ifPresent(l -> contact.put("locale", l));
        Optional<Payload> address = details.flatMap(d -> d.optionalObject("address"));
        ContractValues.country(address.flatMap(a -> a.optionalText("country")))
                .ifPresent(c -> contact.put("country", c));
        if (optedIn(session)) {
            contact.set("marketingConsent", consent(event));
        }
        return contact;
    }

    private static Payload paymentSession(StripeEvent event) {
        Payload session = event.object();
        String mode = session.optionalText("mode").orElse("payment");
        if (!mode.equals("payment")) {
            throw new InvalidInputException(RejectReason.NOT_YET_MAPPED, "session " + session.id("id") + " is a " + mode
                    + " session: subscriptions and saved payment methods are not orders in the contract (v2)");
        }
        return session;
    }

    /** The total in the store currency: Adaptive Pricing's merchant-currency total where the buyer paid in another. */
    private Money total(Payload session) {
        Optional<Payload> conversion = session.optionalObject("currency_conversion");
        if (conversion.isPresent()) {
            Payload converted = conversion.get();
            return amounts.storeMinor(converted.integer("amount_total"), converted.text("source_currency"),
                    converted.path("amount_total"));
        }
        return amounts.storeMinor(session.integer("amount_total"), session.text("currency"),
                session.path("amount_total"));
    }

    private static ArrayNode summaryLine(Money total) {
        ArrayNode lines = CanonicalEvent.array();
        lines.addObject().put("sku", "stripe:checkout").put("name", "Stripe Checkout payment").put("quantity", 1)
                .set("unitPrice", CanonicalEvent.money(total));
        return lines;
    }

    private static boolean optedIn(Payload session) {
        return session.optionalObject("consent").flatMap(c -> c.optionalText("promotions")).orElse("").equals("opt_in");
    }

    private static ObjectNode consent(StripeEvent event) {
        return CanonicalEvent.object().put("granted", true).put("at", CanonicalEvent.time(event.created()))
                .put("source", "stripe-checkout");
    }

    static String orderId(Payload session) {
        return "stripe:" + session.optionalId("payment_intent").orElseGet(() -> session.id("id"));
    }

    private static String customerId(Payload session) {
        return CustomerIds.of("stripe", session.optionalId("customer"), email(session), "the checkout session");
    }

    private static Optional<String> email(Payload session) {
        return ContractValues.email(session.optionalObject("customer_details").flatMap(d -> d.optionalText("email"))
                .or(() -> session.optionalText("customer_email")));
    }

    private static Optional<String> locale(Payload session) {
        return ContractValues.locale(session.optionalText("locale"));
    }
}
