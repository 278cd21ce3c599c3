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
 * last marketing send (epoch milliseconds) and {@code lastRank} its priority rank, {@code previousAt} and
 * {@code previousRank} the one before, so a claim for a message that then does not go can be given back.
 * A claim and a take-over are conditional writes on the item: a claim only if the window has passed, a
 * take-over only if the holder it saw still holds the slot. Items expire a day after the window closes.
 */
public final class DynamoDbFrequencyCap implements FrequencyCap {

    /** The rank of a slot claimed before ranks were recorded: last. */
    private static final long UNRANKED = Integer.MAX_VALUE;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbFrequencyCap(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<Holder> claim(String recipient, Instant now, Duration window, int rank) {
        long nowMillis = now.toEpochMilli();
        try {
            take(recipient, now, window, rank, "attribute_not_exists(lastAt) OR lastAt <= :freeFrom",
                    Map.of(":freeFrom", n(now.minus(window).toEpochMilli())));
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            // The condition fails only on an item that exists, and ALL_OLD returns it with the failure.
            Map<String, AttributeValue> item = taken.item();
            return Optional.of(new Holder(Instant.ofEpochMilli(Attributes.number(item, "lastAt", nowMillis)),
                    (int) Attributes.number(item, "lastRank", UNRANKED)));
        }
    }

    @Override
    public boolean takeOver(String recipient, Holder holder, Instant now, Duration window, int rank) {
        try {
            take(recipient, now, window, rank, "lastAt = :heldSince", Map.of(":heldSince",
                    n(holder.claimedAt().toEpochMilli())));
            return true;
        } catch (ConditionalCheckFailedException changedHands) {
            return false;
        }
    }

    private void take(String recipient, Instant now, Duration window, int rank, String condition,
                      Map<String, AttributeValue> conditionValues) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(conditionValues);
        values.putAll(Map.of(":zero", n(0), ":unranked", n(UNRANKED), ":now", n(now.toEpochMilli()),
                ":rank", n(rank), ":expires", n(now.plus(window).plus(Duration.ofDays(1)).getEpochSecond())));
        dynamoDb.updateItem(u -> u.tableName(tableName).key(Attributes.key("recipient", recipient))
                .updateExpression("SET previousAt = if_not_exists(lastAt, :zero), "
                        + "previousRank = if_not_exists(lastRank, :unranked), lastAt = :now, lastRank = :rank, "
                        + "expiresAt = :expires")
                .conditionExpression(condition)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }

    @Override
    public void release(String recipient, Instant claimedAt) {
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName).key(Attributes.key("recipient", recipient))
                    .updateExpression("SET lastAt = previousAt, lastRank = if_not_exists(previousRank, :unranked)")
                    .conditionExpression("lastAt = :claimed")
                    .expressionAttributeValues(Map.of(":claimed", n(claimedAt.toEpochMilli()),
                            ":unranked", n(UNRANKED))));
        } catch (ConditionalCheckFailedException movedOn) {
            // Another message has claimed the slot since: it is theirs now.
        }
    }
}
