package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The customers a platform holds, by the store's customer id: who they are (learnt from the store's
 * plan, since a platform's order embeds its buyer however late the registration reaches StoreCRM),
 * and whether they agree to marketing now, as the buyer would answer a checkout's consent box
 * (their latest consent, and never again after unsubscribing through a mail).
 */
final class Shoppers {

    private final Map<String, Shopper> shoppers = new HashMap<>();
    private final Map<String, Boolean> consent = new HashMap<>();
    private final Set<String> unsubscribed = new HashSet<>();

    void learn(List<ObjectNode> planned) {
        for (ObjectNode event : planned) {
            if (event.path("type").asText().equals("MemberRegistered")) {
                JsonNode body = event.path("body");
                JsonNode profile = body.path("profile");
                shoppers.put(body.path("customerId").asText(), new Shopper(profile.path("name").asText(),
                        profile.path("email").asText(), profile.path("locale").asText("en"),
                        profile.path("country").asText("CN")));
            }
        }
    }

    Shopper of(String storeCustomerId) {
        Shopper shopper = shoppers.get(storeCustomerId);
        if (shopper == null) {
            throw new IllegalStateException("the store never registered " + storeCustomerId);
        }
        return shopper;
    }

    /** Follows the consent the store's member events give or withdraw. */
    void heard(Intent intent) {
        JsonNode granted = intent.profile().path("marketingConsent").path("granted");
        if (granted.isBoolean()) {
            consent.put(intent.text("customerId"), granted.asBoolean());
        }
    }

    /** Whether the customer would tick a checkout's marketing box now. */
    boolean consents(String storeCustomerId) {
        return consent.getOrDefault(storeCustomerId, false) && !unsubscribed.contains(storeCustomerId);
    }

    void unsubscribed(String storeCustomerId) {
        unsubscribed.add(storeCustomerId);
    }
}
