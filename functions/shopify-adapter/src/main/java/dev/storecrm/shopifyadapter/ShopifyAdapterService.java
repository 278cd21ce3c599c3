package dev.storecrm.shopifyadapter;

import static dev.storecrm.platform.logging.LogField.entry;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.platform.adapter.AdapterPublisher;
import dev.storecrm.platform.adapter.AdapterRejects;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.OrderOwners;
import dev.storecrm.platform.adapter.StoreBus;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Shopify adapter: one webhook from the partner event source in, its canonical events out on
 * the store bus. Refuses, with the reason (the batch processor keeps the payload in the
 * RejectsTable): a test notification, or a test order unless {@code ACCEPT_TEST_PAYMENTS}
 * ({@code TEST_DELIVERY}), a payload of another
 * shop than {@code SHOPIFY_SHOP_DOMAIN} ({@code NOT_FOR_THIS_STORE}), topics it does not read
 * ({@code UNSUPPORTED_TOPIC}) or cannot carry yet ({@code NOT_YET_MAPPED}), and payloads that do not
 * map. Each reason names the topic and Shopify's event id; logs carry ids only.
 */
public final class ShopifyAdapterService {

    private static final Logger LOG = LoggerFactory.getLogger(ShopifyAdapterService.class);

    private final ShopifyTopics topics;
    private final AdapterPublisher publisher;
    private final AdapterRejects rejects;
    private final Optional<String> shopDomain;

    /**
     * @param shopDomain         the shop this stack serves ({@code mystore.myshopify.com}); empty accepts any
     * @param acceptTestPayments whether orders through a test gateway are mapped (a staging stack)
     */
    public ShopifyAdapterService(Amounts amounts, OrderOwners owners, StoreBus bus, AdapterRejects rejects,
                                 Optional<String> shopDomain, boolean acceptTestPayments) {
        this.topics = new ShopifyTopics(amounts, owners, acceptTestPayments);
        this.publisher = new AdapterPublisher(bus, owners, rejects.clock());
        this.rejects = rejects;
        this.shopDomain = shopDomain.filter(d -> !d.isBlank());
    }

    /** Maps and publishes one delivery (the detail of a {@code shopifyWebhook} event); returns the outcome. */
    public String handle(String detail) {
        ShopifyDelivery delivery = ShopifyDelivery.read(detail);
        Mapping mapping;
        List<String> published;
        try {
            if (shopDomain.isPresent() && !delivery.shopDomain().orElse("").equalsIgnoreCase(shopDomain.get())) {
                throw new InvalidInputException(RejectReason.NOT_FOR_THIS_STORE, "from another shop than "
                        + shopDomain.get() + " (X-Shopify-Shop-Domain)");
            }
            if (delivery.test()) {
                throw new InvalidInputException(RejectReason.TEST_DELIVERY, "a test notification (X-Shopify-Test)");
            }
            mapping = topics.map(delivery);
            published = publisher.publish(mapping);
        } catch (InvalidInputException refused) {
            throw new InvalidInputException(refused.reason(), "Shopify " + delivery.topic() + " event "
                    + delivery.eventId() + ": " + refused.detail());
        }
        mapping.alsoKept().ifPresent(part -> rejects.keptInPart(delivery.eventId(), Optional.of(delivery.eventId()),
                Optional.of(delivery.topic()), part, detail));
        LOG.info("shopify webhook mapped", entry("topic", delivery.topic()),
                entry("shopifyEventId", delivery.eventId()), entry("outcome", mapping.outcome()),
                entry("published", published));
        return mapping.outcome();
    }
}
