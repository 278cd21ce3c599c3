package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;
import static dev.storecrm.platform.dynamodb.Attributes.string;

import dev.storecrm.domain.event.CustomerContact;
import dev.storecrm.platform.adapter.OrderOwners;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The OrderOwnersTable: one item per order the payment adapters saw placed, naming its customer and, where the order
 * gave an e-mail address, the contact a dispute of the order carries ({@code contactEmail}, {@code contactName},
 * {@code contactLocale}), expiring (DynamoDB TTL on {@code expiresAt}) after the retention, which covers the time
 * within which a refund or a card dispute can follow an order.
 *
 * <p>Key: {@code orderId} (the canonical order id, e.g. {@code shopify:450789469}). Writes are
 * plain puts (the same order always has the same customer; the latest contact wins); reads are strongly consistent,
 * so a refund processed a moment after its order finds it.
 */
public final class DynamoDbOrderOwners implements OrderOwners {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;
    private final Clock clock;

    public DynamoDbOrderOwners(DynamoDbClient dynamoDb, String tableName, Duration retention, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void remember(String orderId, String customerId) {
        remember(orderId, new Owner(customerId, Optional.empty()));
    }

    @Override
    public void remember(String orderId, Owner owner) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", s(orderId));
        item.put("customerId", s(owner.customerId()));
        owner.contact().ifPresent(contact -> {
            contact.email().ifPresent(email -> item.put("contactEmail", s(email)));
            contact.name().ifPresent(name -> item.put("contactName", s(name)));
            contact.locale().ifPresent(locale -> item.put("contactLocale", s(locale)));
        });
        item.put("expiresAt", n(clock.instant().plus(retention).getEpochSecond()));
        dynamoDb.putItem(put -> put.tableName(tableName).item(item));
    }

    @Override
    public Optional<String> customerOf(String orderId) {
        return ownerOf(orderId).map(Owner::customerId);
    }

    @Override
    public Optional<Owner> ownerOf(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
                .key(Map.of("orderId", s(orderId))).consistentRead(true)).item();
        if (item == null || !item.containsKey("customerId")) {
            return Optional.empty();
        }
        Optional<CustomerContact> contact = string(item, "contactEmail").map(email -> new CustomerContact(
                Optional.of(email), string(item, "contactName"), Optional.empty(), string(item, "contactLocale"),
                Optional.empty()));
        return Optional.of(new Owner(item.get("customerId").s(), contact));
    }
}
