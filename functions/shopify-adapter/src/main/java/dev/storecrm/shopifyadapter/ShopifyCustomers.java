package dev.storecrm.shopifyadapter;

import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.ContractValues;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.Payload;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shopify's customer topics. {@code customers/create} and {@code customers/update}: a customer with
 * an account ({@code state: enabled}) is a registered member (MemberRegistered, with the profile);
 * any other customer (created by a guest checkout, invited) gets the profile only (MemberUpdated).
 * Profile: name, e-mail, phone (E.164 only), country of the default address.
 *
 * <p>E-mail marketing consent travels on its own topic since Shopify's API 2025-01
 * ({@code customers/email_marketing_consent_update}); payloads of older API versions carry it on
 * the customer. Either way it becomes a MemberUpdated of its own, dated when the consent changed
 * ({@code consent_updated_at}), so that an older consent never overrides a newer one (the archive
 * keeps the latest by that date): {@code subscribed} grants, {@code unsubscribed},
 * {@code not_subscribed} and {@code redacted} withdraw, {@code pending} (double opt-in not
 * confirmed) and {@code invalid} change nothing.
 */
final class ShopifyCustomers {

    Mapping changed(ShopifyDelivery delivery) {
        Payload customer = delivery.payload();
        String customerId = "shopify:" + customer.id("id");
        boolean registered = customer.optionalText("state").orElse("").equals("enabled");
        ObjectNode profile = CanonicalEvent.object();
        String name = String.join(" ", customer.optionalText("first_name").orElse(""),
                customer.optionalText("last_name").orElse("")).trim();
        if (!name.isEmpty()) {
            profile.put("name", ContractValues.cut(name, ContractValues.NAME));
        }
        ContractValues.email(customer.optionalText("email")).ifPresent(e -> profile.put("email", e));
        ContractValues.phone(customer.optionalText("phone")).ifPresent(p -> profile.put("phone", p));
        ContractValues.country(customer.optionalObject("default_address").flatMap(a -> a.optionalText("country_code")))
                .ifPresent(c -> profile.put("country", c));
        List<CanonicalEvent> events = new ArrayList<>();
        if (registered || !profile.isEmpty()) {
            String type = registered ? "MemberRegistered" : "MemberUpdated";
            OffsetDateTime at = delivery.at(customer.optionalDateTime("updated_at")
                    .or(() -> customer.optionalDateTime("created_at")));
            CanonicalEvent event = CanonicalEvent.of(delivery.canonicalId(type), type, at, ShopifyDelivery.SOURCE)
                    .put("customerId", customerId);
            event.body().set("profile", profile);
            events.add(event);
        }
        customer.optionalObject("email_marketing_consent")
                .flatMap(consent -> consent(delivery, customerId, consent, customer.optionalDateTime("updated_at")))
                .ifPresent(events::add);
        return events.isEmpty() ? Mapping.ignored("IGNORED_NOTHING_TO_UPDATE") : Mapping.publish(events);
    }

    /** {@code customers/email_marketing_consent_update}: {@code customer_id}, {@code email_marketing_consent}. */
    Mapping emailConsent(ShopifyDelivery delivery) {
        Payload payload = delivery.payload();
        return consent(delivery, "shopify:" + payload.id("customer_id"), payload.object("email_marketing_consent"),
                Optional.empty()).map(Mapping::publish).orElseGet(() -> Mapping.ignored("IGNORED_CONSENT_UNDECIDED"));
    }

    private static Optional<CanonicalEvent> consent(ShopifyDelivery delivery, String customerId, Payload consent,
                                                    Optional<OffsetDateTime> fallbackTime) {
        Optional<Boolean> granted = switch (consent.optionalText("state").orElse("")) {
            case "subscribed" -> Optional.of(true);
            case "unsubscribed", "not_subscribed", "redacted" -> Optional.of(false);
            default -> Optional.empty();
        };
        if (granted.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime at = delivery.at(consent.optionalDateTime("consent_updated_at").or(() -> fallbackTime));
        CanonicalEvent event = CanonicalEvent.of(delivery.canonicalId("MemberUpdated.consent"), "MemberUpdated", at,
                ShopifyDelivery.SOURCE).put("customerId", customerId);
        event.body().putObject("profile").putObject("marketingConsent").put("granted", granted.get())
                .put("at", CanonicalEvent.time(at)).put("source", "shopify");
        return Optional.of(event);
    }
}
