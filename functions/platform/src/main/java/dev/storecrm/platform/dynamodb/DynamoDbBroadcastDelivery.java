package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.broadcast.BroadcastDelivery;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A broadcast's delivery counts in the ReputationTable (the sending statistics, which the sender already adds to):
 * one item per campaign, key {@code broadcast#<campaignId>} / {@code delivery}, one number attribute per variant and
 * outcome named {@code <variant>#<outcome>}, added to atomically (one small write per settled message). At most five
 * variants times the sender's fixed set of outcomes: well under 4 KB. Kept as long as the broadcast (no expiry: a
 * few broadcasts a week, no personal data). Read with one eventually consistent GetItem.
 */
public final class DynamoDbBroadcastDelivery implements BroadcastDelivery {

    private static final String SORT_KEY = "delivery";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbBroadcastDelivery(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void count(String campaignId, String variant, String outcome) {
        dynamoDb.updateItem(u -> u.tableName(tableName).key(key(campaignId))
                .updateExpression("ADD #count :one SET campaignId = :campaign")
                .expressionAttributeNames(Map.of("#count", variant + "#" + outcome))
                .expressionAttributeValues(Map.of(":one", n(1), ":campaign", s(campaignId))));
    }

    @Override
    public Tally read(String campaignId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(g -> g.tableName(tableName).key(key(campaignId))).item();
        Map<String, Map<String, Long>> byVariant = new TreeMap<>();
        if (item != null) {
            item.forEach((name, value) -> {
                int hash = name.indexOf('#');
                if (hash > 0 && value.n() != null && !name.equals("pk")) {
                    byVariant.computeIfAbsent(name.substring(0, hash), v -> new TreeMap<>())
                            .put(name.substring(hash + 1), Long.parseLong(value.n()));
                }
            });
        }
        return new Tally(byVariant);
    }

    private static Map<String, AttributeValue> key(String campaignId) {
        return Map.of("pk", s("broadcast#" + campaignId), "sk", s(SORT_KEY));
    }
}
