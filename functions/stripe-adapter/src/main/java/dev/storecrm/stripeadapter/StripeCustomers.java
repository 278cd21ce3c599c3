package dev.storecrm.stripeadapter;

import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.ContractValues;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.Payload;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stripe customers ({@code customer.created}, {@code customer.updated}) become the profile of the
 * customer {@code stripe:<cus_...>} (MemberUpdated): a Stripe customer is a customer, not a
 * registered member; membership comes from the first paid order or the store's own registration.
 *
 * <p>Fields: {@code name}, {@code email}, {@code phone} (E.164 only), {@code address.country}, the
 * first of {@code preferred_locales}, and these metadata keys: {@code birthday} ({@code YYYY-MM-DD}
 * or {@code --MM-DD}), {@code time_zone} (IANA), {@code locale} (BCP 47, before
 * {@code preferred_locales}), {@code marketing_consent} ({@code true} or {@code false}, dated by the
 * event), {@code contact_preference} ({@code email}, {@code sms}, {@code phone}, {@code post},
 * {@code none}), {@code referrer_id}, and {@code anniversary_<kind>} (e.g. {@code anniversary_wedding},
 * a date as the birthday; together they are the member's anniversaries). Other metadata is ignored.
 * A creation maps every field present; an update only the fields Stripe lists as changed
 * ({@code previous_attributes}), so a stale value is never
 * written again over a newer one (a consent withdrawn through StoreCRM stays withdrawn), and a field
 * or key that was removed is cleared. A value the contract refuses (an impossible birthday) refuses
 * the event, naming the canonical field.
 */
final class StripeCustomers {

    private static final Pattern ANNIVERSARY = Pattern.compile("anniversary_([a-z][a-z0-9_]{0,31})");

    Mapping changed(StripeEvent event) {
        Payload customer = event.object();
        Set<String> changed = changedFields(event);
        ObjectNode profile = CanonicalEvent.object();
        if (changed.contains("name")) {
            profile.put("name", customer.optionalText("name").map(n -> ContractValues.cut(n, ContractValues.NAME))
                    .orElse(null));
        }
        if (changed.contains("email")) {
            profile.put("email", customer.optionalText("email").orElse(null));
        }
        if (changed.contains("phone")) {
            ContractValues.phone(customer.optionalText("phone"))
                    .ifPresentOrElse(p -> profile.put("phone", p), () -> profile.putNull("phone"));
        }
        if (changed.contains("address")) {
            profile.put("country", customer.optionalObject("address").flatMap(a -> a.optionalText("country"))
                    .orElse(null));
        }
        Optional<Payload> metadata = customer.optionalObject("metadata");
        if (changed.contains("metadata.locale") || changed.contains("preferred_locales")) {
            profile.put("locale", metadata.flatMap(m -> m.optionalText("locale"))
                    .or(() -> customer.strings("preferred_locales").stream().findFirst()).orElse(null));
        }
        copy(metadata, changed, "birthday", profile, "birthday");
        copy(metadata, changed, "time_zone", profile, "timeZone");
        copy(metadata, changed, "contact_preference", profile, "contactPreference");
        copy(metadata, changed, "referrer_id", profile, "referrerId");
        if (changed.contains("metadata.marketing_consent")) {
            Optional<String> consent = metadata.flatMap(m -> m.optionalText("marketing_consent"));
            consent.ifPresent(value -> profile.putObject("marketingConsent")
                    .put("granted", Boolean.parseBoolean(value)).put("at", CanonicalEvent.time(event.created()))
                    .put("source", "stripe-metadata"));
        }
        boolean anniversariesChanged = changed.stream()
                .anyMatch(f -> f.startsWith("metadata.") && ANNIVERSARY.matcher(f.substring(9)).matches());
        if (anniversariesChanged) {
            ObjectNode anniversaries = CanonicalEvent.object();
            metadata.ifPresent(m -> m.node().fieldNames().forEachRemaining(key -> {
                var kind = ANNIVERSARY.matcher(key);
                if (kind.matches()) {
                    m.optionalText(key).ifPresent(date -> anniversaries.put(kind.group(1), date));
                }
            }));
            if (anniversaries.isEmpty()) {
                profile.putNull("anniversaries");
            } else {
                profile.set("anniversaries", anniversaries);
            }
        }
        if (profile.isEmpty()) {
            return Mapping.ignored("IGNORED_NOTHING_TO_UPDATE");
        }
        CanonicalEvent updated = CanonicalEvent.of(event.canonicalId("MemberUpdated"), "MemberUpdated", event.created(),
                StripeEvent.SOURCE).put("customerId", "stripe:" + customer.id("id"));
        updated.body().set("profile", profile);
        return Mapping.publish(updated);
    }

    /** The fields to map: all that are present for a creation; those listed as changed for an update. */
    private static Set<String> changedFields(StripeEvent event) {
        Set<String> fields = new LinkedHashSet<>();
        Payload source = event.previousAttributes().orElse(event.object());
        for (Iterator<String> names = source.node().fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        if (event.previousAttributes().isEmpty()) {
            fields.removeIf(f -> !event.object().has(f));
        }
        source.optionalObject("metadata").ifPresent(m -> m.node().fieldNames()
                .forEachRemaining(key -> fields.add("metadata." + key)));
        return fields;
    }

    private static void copy(Optional<Payload> metadata, Set<String> changed, String key, ObjectNode profile,
                             String field) {
        if (changed.contains("metadata." + key)) {
            profile.put(field, metadata.flatMap(m -> m.optionalText(key)).orElse(null));
        }
    }
}
