package dev.storecrm.platform.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds an UpdateItem expression with a placeholder for every attribute name and value, so no
 * attribute can collide with one of DynamoDB's reserved words.
 */
public final class Update {

    private final List<String> sets = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private String condition;

    public Update set(String attribute, AttributeValue value) {
        sets.add(namePlaceholder(attribute) + " = " + valuePlaceholder(attribute, value));
        return this;
    }

    public Update add(String attribute, AttributeValue value) {
        adds.add(namePlaceholder(attribute) + " " + valuePlaceholder(attribute, value));
        return this;
    }

    /**
     * A condition written with {@code #attribute} for names and {@code :attribute} for the values
     * given to {@link #set}; extra values may be added with {@link #value}.
     */
    public Update condition(String expression) {
        this.condition = expression;
        return this;
    }

    public Update value(String placeholder, AttributeValue value) {
        values.put(":" + placeholder, value);
        return this;
    }

    public Update name(String placeholder, String attribute) {
        names.put("#" + placeholder, attribute);
        return this;
    }

    public UpdateItemRequest toRequest(String tableName, Map<String, AttributeValue> key) {
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!adds.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("ADD ").append(String.join(", ", adds));
        }
        UpdateItemRequest.Builder request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key)
                .updateExpression(expression.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
        if (condition != null) {
            request.conditionExpression(condition);
        }
        return request.build();
    }

    private String namePlaceholder(String attribute) {
        String placeholder = "#" + attribute;
        names.put(placeholder, attribute);
        return placeholder;
    }

    private String valuePlaceholder(String attribute, AttributeValue value) {
        String placeholder = ":" + attribute;
        values.put(placeholder, value);
        return placeholder;
    }
}
