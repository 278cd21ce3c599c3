package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical events a store's own backend sends through the signed webhook for what its platform
 * has no place for: the part of a member event the platform cannot carry (profile fields, the
 * membership status), or a whole event of something that does not happen on the platform (a
 * marketplace's dispute). Dated as the store's event; ids derived from its id.
 */
final class BackendEvents {

    static final String SOURCE = "store-backend";

    private BackendEvents() {}

    /**
     * A MemberUpdated with the named profile fields of a member event and, if asked, its membership
     * status, for the customer as the system knows them; empty when the event has none of them.
     */
    static Optional<ObjectNode> memberPart(Intent intent, String customerId, Set<String> profileFields,
                                           boolean membership) {
        ObjectNode profile = Samples.JSON.createObjectNode();
        intent.profile().properties().forEach(field -> {
            if (profileFields.contains(field.getKey())) {
                profile.set(field.getKey(), field.getValue().deepCopy());
            }
        });
        boolean status = membership && intent.body().has("membership");
        if (profile.isEmpty() && !status) {
            return Optional.empty();
        }
        ObjectNode event = envelope(intent, intent.id() + "-backend", "MemberUpdated");
        ObjectNode body = event.putObject("body").put("customerId", customerId);
        if (!profile.isEmpty()) {
            body.set("profile", profile);
        }
        if (status) {
            body.set("membership", intent.body().get("membership").deepCopy());
        }
        return Optional.of(event);
    }

    /** The store's event as it is, under the system's names, from the backend. */
    static ObjectNode whole(Intent intent, Intent.Names names) {
        return intent.as(names).put("source", SOURCE);
    }

    /** A MemberRegistered of the membership programme alone (the platform holds the profile). */
    static ObjectNode registration(Intent intent, String customerId) {
        ObjectNode event = envelope(intent, intent.id() + "-backend", "MemberRegistered");
        ObjectNode profile = event.putObject("body").put("customerId", customerId).putObject("profile");
        if (intent.profile().has("birthdayLunar")) { // no platform has a field for a lunar birthday
            profile.set("birthdayLunar", intent.profile().get("birthdayLunar").deepCopy());
        }
        return event;
    }

    private static ObjectNode envelope(Intent intent, String id, String type) {
        return Samples.JSON.createObjectNode().put("id", id).put("type", type).put("version", 1)
                .put("occurredAt", intent.event().path("occurredAt").asText()).put("source", SOURCE);
    }
}
