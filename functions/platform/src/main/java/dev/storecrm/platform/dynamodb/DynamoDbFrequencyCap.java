package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;

import dev.storecrm.domain.messaging.FrequencyCap;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The frequency cap in the FrequencyCapTable: partition key {@code recipient}, {@code lastAt} the
 * last marketing send (epoch milliseconds) and {@code previousAt} the one before, so a claim for a
 * message that then does not go can be given back. Items expire a day after the window closes.
 */
public final class DynamoDbFrequencyCap implements FrequencyCap {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbFrequencyCap(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<Instant> claim(String recipient, Instant now, Duration window) {
        long nowMillis = now.toEpochMilli();
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(Attributes.key("recipient", recipient))
                    .updateExpression("SET previousAt = if_not_exists(lastAt, :zero), lastAt = :now, expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(lastAt) OR lastAt <= :freeFrom")
                    .expressionAttributeValues(Map.of(":zero", n(0), ":now", n(nowMillis),
                            ":freeFrom", n(now.minus(window).toEpochMilli()),
                            ":expires", n(now.plus(window).plus(Duration.ofDays(1)).getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            // The condition fails only on an item that exists, and ALL_OLD returns it with the failure.
            Map<String, AttributeValue> item = taken.item();
            return Optional.of(Instant.ofEpochMilli(Attributes.number(item, "lastAt", nowMillis)).plus(window));
        }
    }

    @Override
    public void release(String recipient, Instant claimedAt) {
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(Attributes.key("recipient", recipient))
                    .updateExpression("SET lastAt = previousAt")
                    .conditionExpression("lastAt = :claimed")
                    .expressionAttributeValues(Map.of(":claimed", n(claimedAt.toEpochMilli()))));
        } catch (ConditionalCheckFailedException movedOn) {
            // Another message has claimed the slot since: it is theirs now.
        }
    }
}
