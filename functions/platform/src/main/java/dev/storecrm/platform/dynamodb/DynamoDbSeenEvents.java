package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.platform.adapter.SeenEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The SignedWebhookReplayTable: one item per event id the signed webhook published, expiring (TTL
 * on {@code expiresAt}) well after the signature's tolerance, beyond which a replay is refused for
 * its timestamp anyway. Reads are strongly consistent.
 *
 * <p>Key: {@code eventId}.
 */
public final class DynamoDbSeenEvents implements SeenEvents {

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Duration retention;
    private final Clock clock;

    public DynamoDbSeenEvents(DynamoDbClient dynamoDb, String tableName, Duration retention, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public boolean seen(String eventId) {
        return dynamoDb.getItem(get -> get.tableName(tableName).key(Map.of("eventId", s(eventId))).consistentRead(true))
                .hasItem();
    }

    @Override
    public void remember(String eventId) {
        dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
                "eventId", s(eventId),
                "expiresAt", n(clock.instant().plus(retention).getEpochSecond()))));
    }
}
