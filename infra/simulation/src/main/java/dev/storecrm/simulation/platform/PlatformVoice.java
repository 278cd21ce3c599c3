package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the three platforms' voices share: the customers the platform holds, the store's disputes
 * as planned (an update names no channel), the deliveries and their counts, and the order of work
 * for each event of a moment: say it in the platform's payloads, answer what the system was told,
 * then follow the customer's consent.
 *
 * <p>The store's past (what happened before go-live, published on the import day) is imported, as
 * {@code ./dev import} brings a store's history: canonical events under the platform's ids, on the
 * store bus. A platform's webhooks start at go-live; it does not send years of history again.
 */
abstract class PlatformVoice implements StoreVoice {

    final Deliveries deliveries;
    final Shoppers shoppers = new Shoppers();
    private final Instant goLive;
    private final Map<String, Intent> disputeOpenings = new HashMap<>();
    /** How the store's ids read in the system on this platform (set once by the platform's constructor). */
    Intent.Names names;

    /** @param goLive when the store connects the platform; what happened before is imported */
    PlatformVoice(Deliveries deliveries, Instant goLive) {
        this.deliveries = deliveries;
        this.goLive = goLive;
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
            if (intent.at().isBefore(goLive)) {
                ObjectNode heard = intent.as(names);
                deliveries.imported(heard);
                imported(intent);
                told.add(heard);
            } else {
                told.addAll(say(intent));
            }
            shoppers.heard(intent);
        }
        return new Told(told, deliveries.takeUnrouted());
    }

    /** What the platform holds after the import of one of the store's past events (nothing, unless overridden). */
    void imported(Intent intent) {
        // the platform's own state of the past comes with its import
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

    /** The store's cart of a mail's link: the platform's recovery link, or the store's own (an imported cart's). */
    @Override
    public Optional<String> cartIn(String mailHtml) {
        return platformCart(mailHtml).or(() -> CanonicalVoice.cartLink(mailHtml));
    }

    /** The store's cart of the platform's recovery link in a mail, if there is one. */
    abstract Optional<String> platformCart(String mailHtml);

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
