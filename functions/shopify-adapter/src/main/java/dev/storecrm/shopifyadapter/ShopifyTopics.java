package dev.storecrm.shopifyadapter;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.OrderOwners;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which mapping each Shopify webhook topic takes. Topics the contract has no place for are
 * kept ({@code NOT_YET_MAPPED}); any other topic is refused as {@code UNSUPPORTED_TOPIC} (the shop
 * subscribed the partner event source to more than StoreCRM reads).
 */
final class ShopifyTopics {

    /** Valid topics the contract (version 2) does not carry, with the reason each is kept. */
    static final Map<String, String> PENDING = Map.of(
            "shop/redact", "a shop's erasure request (48 hours after the app was uninstalled) is about the whole"
                    + " store, not a customer: no canonical event carries it; delete the stack and its retained"
                    + " tables (docs/adapters.md)",
            "customers/marketing_consent_update", "SMS marketing consent: the contract has one marketing consent,"
                    + " for e-mail (per-channel consent is not in contract v2)",
            "customers_marketing_consent/update", "SMS marketing consent: the contract has one marketing consent,"
                    + " for e-mail (per-channel consent is not in contract v2)");

    private final Map<String, Function<ShopifyDelivery, Mapping>> mappings = new LinkedHashMap<>();

    ShopifyTopics(Amounts amounts, OrderOwners owners, boolean acceptTestPayments) {
        ShopifyMoney money = new ShopifyMoney(amounts);
        ShopifyOrders orders = new ShopifyOrders(money, owners, acceptTestPayments);
        ShopifyCheckouts checkouts = new ShopifyCheckouts(money);
        ShopifyCustomers customers = new ShopifyCustomers();
        ShopifyDisputes disputes = new ShopifyDisputes(owners);
        ShopifyPrivacy privacy = new ShopifyPrivacy();
        mappings.put("orders/create", orders::created);
        mappings.put("orders/paid", orders::paid);
        mappings.put("orders/cancelled", orders::cancelled);
        mappings.put("refunds/create", orders::refunded);
        mappings.put("checkouts/create", checkouts::changed);
        mappings.put("checkouts/update", checkouts::changed);
        mappings.put("checkouts/delete", checkouts::deleted);
        mappings.put("customers/create", customers::changed);
        mappings.put("customers/update", customers::changed);
        mappings.put("customers/email_marketing_consent_update", customers::emailConsent);
        mappings.put("customers_email_marketing_consent/update", customers::emailConsent);
        mappings.put("disputes/create", disputes::opened);
        mappings.put("disputes/update", disputes::updated);
        mappings.put("customers/data_request", privacy::dataRequest);
        mappings.put("customers/redact", privacy::redact);
    }

    /** The topics that map to canonical events. */
    Set<String> mapped() {
        return mappings.keySet();
    }

    Mapping map(ShopifyDelivery delivery) {
        Function<ShopifyDelivery, Mapping> mapping = mappings.get(delivery.topic());
        if (mapping != null) {
            return mapping.apply(delivery);
        }
        String pending = PENDING.get(delivery.topic());
        if (pending != null) {
            throw new InvalidInputException(RejectReason.NOT_YET_MAPPED, pending);
        }
        throw new InvalidInputException(RejectReason.UNSUPPORTED_TOPIC, "StoreCRM does not read this topic;"
                + " unsubscribe the partner event source from it");
    }
}
