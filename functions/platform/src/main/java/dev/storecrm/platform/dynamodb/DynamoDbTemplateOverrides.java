package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.m;
import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.templates.TemplateOverride;
import dev.storecrm.domain.templates.TemplateOverrides;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The TemplateOverridesTable: partition {@code templateLocale} ({@code <template>#<locale>}), sort {@code version}.
 * Version items 1, 2, ... keep every publication ({@code parts}, a map of part name to text; {@code publishedAt},
 * {@code publishedBy}, {@code note}); the item of version 0 is the live one: a copy of the live version's item
 * with {@code liveVersion}, so the sender reads one item per template and locale (GetItem, 0.5 units when
 * eventually consistent). A publication takes the next version number with a conditional put, then moves the live
 * item forward with another (only to a newer version), so two publishers never share a number and the live item
 * never goes back except by a roll-back, which is itself a newer version.
 */
public final class DynamoDbTemplateOverrides implements TemplateOverrides {

    private static final String LIVE = "0";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbTemplateOverrides(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<TemplateOverride> live(String template, String locale) {
        return get(template, locale, LIVE, false);
    }

    @Override
    public List<TemplateOverride> versions(String template, String locale) {
        return dynamoDb.query(q -> q.tableName(tableName).keyConditionExpression("templateLocale = :k AND version > :z")
                        .expressionAttributeValues(Map.of(":k", s(key(template, locale)), ":z", n(0)))
                        .scanIndexForward(false).limit(VERSIONS_LISTED).consistentRead(true))
                .items().stream().map(item -> read(template, locale, item)).toList();
    }

    @Override
    public Optional<TemplateOverride> version(String template, String locale, int version) {
        return version < 1 ? Optional.empty() : get(template, locale, Integer.toString(version), true);
    }

    @Override
    public Optional<TemplateOverride> publish(String template, String locale, Map<String, String> parts, String by,
                                              Instant at, String note) {
        int next = versions(template, locale).stream().mapToInt(TemplateOverride::version).max().orElse(0) + 1;
        TemplateOverride published = new TemplateOverride(template, locale, next, parts, at, by, note);
        Map<String, AttributeValue> item = item(published);
        item.put("version", n(next));
        if (!conditional(() -> dynamoDb.putItem(put -> put.tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(version)")))) {
            return Optional.empty();
        }
        Map<String, AttributeValue> live = item(published);
        live.put("version", n(0));
        live.put("liveVersion", n(next));
        return conditional(() -> dynamoDb.putItem(put -> put.tableName(tableName).item(live)
                .conditionExpression("attribute_not_exists(liveVersion) OR liveVersion < :next")
                .expressionAttributeValues(Map.of(":next", n(next))))) ? Optional.of(published) : Optional.empty();
    }

    private Optional<TemplateOverride> get(String template, String locale, String version, boolean consistent) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName).consistentRead(consistent)
                .key(Map.of("templateLocale", s(key(template, locale)), "version", AttributeValue.fromN(version))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(template, locale, item));
    }

    private static Map<String, AttributeValue> item(TemplateOverride override) {
        Map<String, AttributeValue> parts = new HashMap<>();
        override.parts().forEach((name, text) -> parts.put(name, s(text)));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("templateLocale", s(key(override.template(), override.locale())));
        item.put("parts", m(parts));
        item.put("publishedAt", s(override.publishedAt().toString()));
        item.put("publishedBy", s(override.publishedBy()));
        item.put("note", s(override.note()));
        return item;
    }

    private static TemplateOverride read(String template, String locale, Map<String, AttributeValue> item) {
        Map<String, String> parts = new HashMap<>();
        Attributes.map(item, "parts").forEach((name, text) -> parts.put(name, text.s()));
        long version = item.containsKey("liveVersion") ? Attributes.number(item, "liveVersion", 0)
                : Attributes.number(item, "version", 0);
        return new TemplateOverride(template, locale, (int) version, parts,
                Instant.parse(item.get("publishedAt").s()), item.get("publishedBy").s(),
                Attributes.string(item, "note").orElse(""));
    }

    private static String key(String template, String locale) {
        return template + "#" + locale;
    }

    private static boolean conditional(Supplier<?> write) {
        try {
            write.get();
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }
}
