package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.ConcurrentUpdateException;
import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.cart.CartMetric;
import dev.storecrm.domain.cart.CartStatsDelta;
import dev.storecrm.domain.cart.CartStore;
import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.messaging.CartCheck;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Carts in the CartsTable (partition key {@code cartId}; sparse GSI {@code OpenByCustomer} on
 * {@code openCustomerId}, keys only), and the daily report in the CartStatsTable (partition key
 * {@code day}). A save is a whole-item put guarded by the revision; when it adds to the report, the
 * put and the report's {@code ADD}s are one transaction, so a figure is counted exactly once even if
 * the message that caused it is retried. Items expire (TTL) a retention period after their last write.
 */
public final class DynamoDbCarts implements CartStore, CartCheck {

    public static final String OPEN_BY_CUSTOMER = "OpenByCustomer";

    private final DynamoDbClient dynamoDb;
    private final String cartsTable;
    private final String statsTable;
    private final Duration retention;
    private final Clock clock;

    public DynamoDbCarts(DynamoDbClient dynamoDb, String cartsTable, String statsTable, Duration retention,
                         Clock clock) {
        this.dynamoDb = dynamoDb;
        this.cartsTable = cartsTable;
        this.statsTable = statsTable;
        this.retention = retention;
        this.clock = clock;
    }

    /** For the sender: reads carts (one consistent GetItem per check), never writes them. */
    public static DynamoDbCarts forSendTimeChecks(DynamoDbClient dynamoDb, String cartsTable) {
        return new DynamoDbCarts(dynamoDb, cartsTable, null, Duration.ZERO, Clock.systemUTC());
    }

    @Override
    public Optional<Revisioned<Cart>> find(String cartId, boolean consistentRead) {
        GetItemResponse response = dynamoDb.getItem(g -> g.tableName(cartsTable).key(Attributes.key("cartId", cartId))
                .consistentRead(consistentRead));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(CartItemMapper.fromItem(response.item())) : Optional.empty();
    }

    /** Consistent, so a checkout recorded a moment ago is seen. */
    @Override
    public boolean closedOrChangedSince(String cartId, Stamp armedFor) {
        return find(cartId, true).map(stored -> !stored.value().stillOpenAsOf(armedFor)).orElse(true);
    }

    @Override
    public Optional<Instant> guestConsentAt(String cartId, String email) {
        return find(cartId, true).flatMap(stored -> stored.value().guestConsentFor(email));
    }

    @Override
    public void save(Cart cart, OptionalLong expectedRevision, CartStatsDelta stats) {
        if (statsTable == null) {
            throw new IllegalStateException("this cart store only reads carts");
        }
        long revision = expectedRevision.orElse(0) + 1;
        Map<String, AttributeValue> item = CartItemMapper.toItem(cart, revision, clock.instant().plus(retention));
        String condition = expectedRevision.isPresent() ? "rev = :expected" : "attribute_not_exists(cartId)";
        Map<String, AttributeValue> values = expectedRevision.isPresent()
                ? Map.of(":expected", n(expectedRevision.getAsLong())) : null;
        if (stats.isEmpty()) {
            try {
                dynamoDb.putItem(p -> p.tableName(cartsTable).item(item).conditionExpression(condition)
                        .expressionAttributeValues(values));
            } catch (ConditionalCheckFailedException conflict) {
                throw new ConcurrentUpdateException("cart " + cart.cartId() + " changed since it was read");
            }
            return;
        }
        Put guarded = Put.builder().tableName(cartsTable).item(item).conditionExpression(condition)
                .expressionAttributeValues(values).build();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(guarded).build());
        stats.byDay().forEach((day, figures) -> writes.add(TransactWriteItem.builder()
                .update(statsUpdate(day, figures)).build()));
        try {
            dynamoDb.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException cancelled) {
            if (cancelled.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code))) {
                throw new ConcurrentUpdateException("cart " + cart.cartId() + " or its report day changed meanwhile");
            }
            throw cancelled;
        }
    }

    @Override
    public List<String> openCartsOf(String customerId) {
        return dynamoDb.queryPaginator(q -> q.tableName(cartsTable).indexName(OPEN_BY_CUSTOMER)
                        .keyConditionExpression("openCustomerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", s(customerId))))
                .items().stream().map(item -> item.get("cartId").s()).toList();
    }

    private software.amazon.awssdk.services.dynamodb.model.Update statsUpdate(LocalDate day,
                                                                              Map<CartMetric, Long> figures) {
        Update update = new Update();
        figures.forEach((metric, amount) -> update.add(metric.attribute(), n(amount)));
        UpdateItemRequest request = update.toRequest(statsTable, DynamoDbCartStats.key(day));
        return software.amazon.awssdk.services.dynamodb.model.Update.builder().tableName(statsTable)
                .key(request.key()).updateExpression(request.updateExpression())
                .expressionAttributeNames(request.expressionAttributeNames())
                .expressionAttributeValues(request.expressionAttributeValues()).build();
    }
}
