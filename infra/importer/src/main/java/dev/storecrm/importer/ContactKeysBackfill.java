package dev.storecrm.importer;

import dev.storecrm.domain.memberview.ContactKeys;
import dev.storecrm.platform.messaging.Pacer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Writes the member view's lookup keys ({@code emailKey}, {@code phoneKey}: {@link ContactKeys}) on
 * the members archived before the archive wrote them, so that the indexes {@code EmailKey} and
 * {@code PhoneKey} find every member: in the console's search, the customer e-mail care's member
 * lookup and the referral checks. The archive writes both keys with every save since; a member
 * saved again needs nothing, but a silent one would stay unfindable until their next event.
 *
 * <p>One pass over the MembersTable ({@code Scan}, projected to the five attributes, 100 items a
 * page), then an {@code UpdateItem} per member that lacks a key, paced ({@link Pacer}) and
 * conditional on the address or number being the one read: a member whose profile changed meanwhile
 * was saved with their keys by the archive itself and is left alone. Running it again changes
 * nothing; after each page the last key read is handed to the checkpoint, so a stopped run resumes
 * after it.
 */
final class ContactKeysBackfill {

    /** What a pass did, in members. */
    record Result(long scanned, long updated, long alreadyKeyed, long changedMeanwhile, long noKey) {}

    static final int PAGE = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Pacer pacer;

    ContactKeysBackfill(DynamoDbClient dynamoDb, String table, Pacer pacer) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.pacer = pacer;
    }

    /** The whole pass, after {@code resumeAfter} (a customer id) when given; each page's end goes to checkpoint. */
    Result run(Optional<String> resumeAfter, Consumer<String> checkpoint, PrintStream progress) {
        long[] counts = new long[5];
        Map<String, AttributeValue> start = resumeAfter.map(id -> Map.of("customerId", AttributeValue.fromS(id)))
                .orElse(null);
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamoDb.scan(s -> s.tableName(table).limit(PAGE).exclusiveStartKey(from)
                    .projectionExpression("customerId, email, phone, emailKey, phoneKey"));
            for (Map<String, AttributeValue> item : page.items()) {
                counts[0]++;
                counts[backfill(item)]++;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                checkpoint.accept(start.get("customerId").s());
            }
            progress.printf("  %,d members read, %,d keyed now%n", counts[0], counts[1]);
        } while (start != null);
        return new Result(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** 1 updated, 2 already keyed, 3 changed meanwhile, 4 nothing to key (no address, no international number). */
    private int backfill(Map<String, AttributeValue> item) {
        List<String> sets = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        missing(item, "email", "emailKey", ContactKeys.emailKey(text(item, "email")), sets, conditions, values);
        missing(item, "phone", "phoneKey", ContactKeys.phoneKey(text(item, "phone")), sets, conditions, values);
        if (sets.isEmpty()) {
            boolean keyed = item.containsKey("emailKey") || item.containsKey("phoneKey");
            return keyed ? 2 : 4;
        }
        pacer.awaitSlot();
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(Map.of("customerId", item.get("customerId")))
                    .updateExpression("SET " + String.join(", ", sets))
                    .conditionExpression(String.join(" AND ", conditions))
                    .expressionAttributeValues(values));
            return 1;
        } catch (ConditionalCheckFailedException changed) {
            return 3; // saved since it was read: the archive wrote the keys of what it holds now
        }
    }

    private static void missing(Map<String, AttributeValue> item, String field, String keyField, Optional<String> key,
                                List<String> sets, List<String> conditions, Map<String, AttributeValue> values) {
        if (key.isEmpty() || item.containsKey(keyField)) {
            return;
        }
        sets.add(keyField + " = :" + keyField);
        conditions.add(field + " = :" + field);
        conditions.add("attribute_not_exists(" + keyField + ")");
        values.put(":" + keyField, AttributeValue.fromS(key.get()));
        values.put(":" + field, item.get(field));
    }

    private static String text(Map<String, AttributeValue> item, String field) {
        AttributeValue value = item.get(field);
        return value == null ? null : value.s();
    }
}
