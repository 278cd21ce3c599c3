package dev.storecrm.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Amazon EventBridge event pattern matching, as documented for content filtering: exact values,
 * {@code prefix}, {@code suffix}, {@code anything-but}, {@code exists}, {@code numeric} and
 * {@code equals-ignore-case}, on nested fields and arrays. A pattern using anything else is
 * refused with its name rather than matched wrongly.
 */
public final class EventPattern {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode pattern;

    private EventPattern(JsonNode pattern) {
        this.pattern = pattern;
        validate(pattern, "");
    }

    public static EventPattern of(Object patternFromTemplate) {
        JsonNode node = JSON.valueToTree(patternFromTemplate);
        if (!node.isObject()) {
            throw new IllegalArgumentException("an event pattern is a JSON object");
        }
        return new EventPattern(node);
    }

    public boolean matches(JsonNode event) {
        return matchesObject(pattern, event);
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = event == null || !event.isObject() ? null : event.get(field.getKey());
            JsonNode rule = field.getValue();
            boolean matched = rule.isObject() ? value != null && matchesObject(rule, value) : matchesAny(rule, value);
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    /** The rule is an array of matchers; the field matches if any matcher matches it (or any element of it). */
    private static boolean matchesAny(JsonNode matchers, JsonNode value) {
        for (JsonNode matcher : matchers) {
            if (matcher.isObject() && matcher.has("exists")) {
                if (matcher.get("exists").asBoolean() == (value != null)) {
                    return true;
                }
                continue;
            }
            if (value == null) {
                continue;
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (matchesOne(matcher, element)) {
                        return true;
                    }
                }
            } else if (matchesOne(matcher, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesOne(JsonNode matcher, JsonNode value) {
        if (!matcher.isObject()) {
            return literalEquals(matcher, value);
        }
        String operator = matcher.fieldNames().next();
        JsonNode argument = matcher.get(operator);
        return switch (operator) {
            case "prefix" -> value.isTextual() && value.asText().startsWith(argument.asText());
            case "suffix" -> value.isTextual() && value.asText().endsWith(argument.asText());
            case "equals-ignore-case" -> value.isTextual() && value.asText().toLowerCase(Locale.ROOT)
                    .equals(argument.asText().toLowerCase(Locale.ROOT));
            case "anything-but" -> !anythingButExcludes(argument, value);
            case "numeric" -> value.isNumber() && numeric(argument, value.asDouble());
            default -> throw new IllegalStateException("unreachable: validated " + operator);
        };
    }

    private static boolean anythingButExcludes(JsonNode argument, JsonNode value) {
        if (argument.isArray()) {
            for (JsonNode excluded : argument) {
                if (literalEquals(excluded, value)) {
                    return true;
                }
            }
            return false;
        }
        if (argument.isObject() && argument.has("prefix")) {
            return value.isTextual() && value.asText().startsWith(argument.get("prefix").asText());
        }
        return literalEquals(argument, value);
    }

    private static boolean numeric(JsonNode conditions, double number) {
        for (int i = 0; i + 1 < conditions.size(); i += 2) {
            String op = conditions.get(i).asText();
            double bound = conditions.get(i + 1).asDouble();
            boolean ok = switch (op) {
                case "<" -> number < bound;
                case "<=" -> number <= bound;
                case "=" -> number == bound;
                case ">" -> number > bound;
                case ">=" -> number >= bound;
                default -> throw new IllegalArgumentException("numeric operator " + op + " is not supported");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean literalEquals(JsonNode literal, JsonNode value) {
        if (literal.isNull()) {
            return value.isNull();
        }
        if (literal.isNumber() && value.isNumber()) {
            return literal.asDouble() == value.asDouble();
        }
        return literal.getNodeType() == value.getNodeType() && literal.asText().equals(value.asText());
    }

    private static void validate(JsonNode node, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String where = path + "/" + field.getKey();
            JsonNode rule = field.getValue();
            if (rule.isObject()) {
                validate(rule, where);
            } else if (!rule.isArray()) {
                throw new IllegalArgumentException("event pattern " + where + " must be an array of matchers or an object");
            } else {
                for (JsonNode matcher : rule) {
                    if (matcher.isObject()) {
                        if (matcher.size() != 1) {
                            throw new IllegalArgumentException("event pattern " + where + ": one operator per matcher");
                        }
                        String operator = matcher.fieldNames().next();
                        if (!List.of("prefix", "suffix", "equals-ignore-case", "anything-but", "numeric", "exists")
                                .contains(operator)) {
                            throw new IllegalArgumentException("event pattern " + where + ": operator '" + operator
                                    + "' is not supported by the local event bus");
                        }
                    }
                }
            }
        }
    }
}
