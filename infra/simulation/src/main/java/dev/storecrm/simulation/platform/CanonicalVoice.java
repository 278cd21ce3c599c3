package dev.storecrm.simulation.platform;

import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.localcloud.LocalCloud;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's own backend publishing canonical events on the store bus, the events of one moment
 * together as a producer's {@code PutEvents} would: what the store planned is what the system is
 * told. The default of {@code ./dev run}.
 */
public final class CanonicalVoice implements StoreVoice {

    /** The link of a cart reminder: {@code https://shop.example.com/cart/recover/<cart id>}. */
    private static final Pattern CART_LINK = Pattern.compile("/cart/recover/([A-Za-z0-9-]+)");

    private final LocalCloud cloud;
    private final String source;

    public CanonicalVoice(LocalCloud cloud, String source) {
        this.cloud = cloud;
        this.source = source;
    }

    @Override
    public void prepare(List<ObjectNode> planned) {
        // canonical events name their customers themselves
    }

    @Override
    public Told tell(List<ObjectNode> events, Instant now) {
        List<List<String>> queues = cloud.eventBus().publishAll(events.stream().map(ObjectNode::toString).toList(),
                source, now);
        List<String> unrouted = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (queues.get(i).isEmpty()) {
                unrouted.add(events.get(i).get("type").asText() + " " + events.get(i).get("id").asText());
            }
        }
        return new Told(events, unrouted);
    }

    @Override
    public String unsubscribed(String storeCustomerId) {
        return storeCustomerId;
    }

    @Override
    public Optional<String> cartIn(String mailHtml) {
        return cartLink(mailHtml);
    }

    /** The store's cart of a recovery link of the store's own ({@code /cart/recover/<cart id>}). */
    static Optional<String> cartLink(String mailHtml) {
        Matcher cart = CART_LINK.matcher(mailHtml == null ? "" : mailHtml);
        return cart.find() ? Optional.of(cart.group(1)) : Optional.empty();
    }

    @Override
    public Map<String, Integer> invocations() {
        return Map.of();
    }

    @Override
    public List<String> lost() {
        return List.of();
    }

    @Override
    public String report() {
        return "";
    }
}
