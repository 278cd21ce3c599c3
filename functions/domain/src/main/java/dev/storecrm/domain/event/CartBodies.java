package dev.storecrm.domain.event;

import dev.storecrm.domain.event.CartEvent.CartUpdated;
import dev.storecrm.domain.event.CartEvent.CheckoutCompleted;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.member.Consent;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The bodies of the cart events. Contract version 2 adds a guest's {@code marketingConsent} to CartUpdated: only on
 * a cart without a {@code customerId} (a member's consent is the member archive's) and with the {@code email} it was
 * given for.
 */
final class CartBodies {

    private CartBodies() {}

    static CartUpdated cartUpdated(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("cartId", "customerId", "email", "lines", "total", "recoveryUrl", "locale", "timeZone",
                "marketingConsent"));
        ContractFields.requireVersion(meta, body, "marketingConsent", 2);
        Optional<String> customerId = body.optionalIdentifier("customerId");
        Optional<String> email = body.optionalEmail("email");
        Optional<Consent> consent = body.optionalObject("marketingConsent").map(MemberBodies::consent);
        if (consent.isPresent() && customerId.isPresent()) {
            throw JsonFields.violation(body.path("marketingConsent"), "is a guest's consent: a cart with a customerId"
                    + " carries none (a member's consent travels on MemberUpdated or OrderPaid)");
        }
        if (consent.isPresent() && email.isEmpty()) {
            throw JsonFields.violation(body.path("marketingConsent"), "needs body.email, the address it was given for");
        }
        Optional<String> timeZone = body.optionalTimeZone("timeZone").map(ZoneId::getId);
        return new CartUpdated(meta, body.identifier("cartId"), customerId, email, OrderBodies.lines(body, 0),
                body.money("total"), body.optionalMatching("recoveryUrl", ContractFields.HTTPS_URL, "an https URL"),
                body.optionalMatching("locale", ContractFields.LOCALE, ContractFields.LOCALE_RULE), timeZone, consent);
    }

    static CheckoutCompleted checkoutCompleted(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("cartId", "orderId", "customerId"));
        return new CheckoutCompleted(meta, body.identifier("cartId"), body.identifier("orderId"),
                body.optionalIdentifier("customerId"));
    }
}
