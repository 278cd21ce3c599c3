package dev.storecrm.simulation.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the three platforms' voices share: the customers the platform holds, the store's disputes
 * as planned (an update names no channel), the deliveries and their counts, and the order of work
 * for each event of a moment: say it in the platform's payloads, answer what the system was told,
 * then follow the customer's consent.
 */
abstract class PlatformVoice implements StoreVoice {

    final Deliveries deliveries;
    final Shoppers shoppers = new Shoppers();
    private final Map<String, Intent> disputeOpenings = new HashMap<>();
    /** How the store's ids read in the system on this platform (set once by the platform's constructor). */
    Intent.Names names;

    PlatformVoice(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Says one of the store's events in the platform's payloads; answers the canonical events the system was told. */
    abstract List<ObjectNode> say(Intent intent);

    @Override
    public void prepare(List<ObjectNode> planned) {
        shoppers.learn(planned);
        planned.stream().map(Intent::new).filter(i -> i.type().equals("DisputeOpened"))
                .forEach(opening -> disputeOpenings.put(opening.text("disputeId"), opening));
    }

    @Override
    public Told tell(List<ObjectNode> events, Instant now) {
        List<ObjectNode> told = new ArrayList<>();
        for (ObjectNode event : events) {
            Intent intent = new Intent(event);
            told.addAll(say(intent));
            shoppers.heard(intent);
        }
        return new Told(told, deliveries.takeUnrouted());
    }

    /** The opening of one of the store's disputes, as planned. */
    Intent opening(String disputeId) {
        return disputeOpenings.get(disputeId);
    }

    /** A card dispute (a chargeback through the store's payments), not a marketplace's or the store's own desk's. */
    boolean cardDispute(String disputeId) {
        Intent opening = disputeOpenings.get(disputeId);
        String channel = opening == null ? "" : opening.text("channel");
        return channel.equals("shopify") || channel.equals("stripe");
    }

    /** The card networks' reason for the store's ({@code product_not_received}, ...), as Shopify and Stripe give it. */
    static String cardReason(String storeReason) {
        return switch (storeReason) {
            case "not_received" -> "product_not_received";
            case "not_as_described" -> "product_unacceptable";
            default -> "general";
        };
    }

    @Override
    public String unsubscribed(String storeCustomerId) {
        shoppers.unsubscribed(storeCustomerId);
        return names.customer().apply(storeCustomerId);
    }

    @Override
    public Map<String, Integer> invocations() {
        return deliveries.invocations();
    }

    @Override
    public List<String> lost() {
        return deliveries.lost();
    }

    @Override
    public String report() {
        return deliveries.report();
    }
}
