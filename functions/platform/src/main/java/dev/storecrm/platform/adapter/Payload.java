package dev.storecrm.platform.adapter;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.Json;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonParser;
import dev.storecrm.domain.json.tree.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A platform's JSON payload, read leniently (platforms add fields all the time) but with every
 * field the mapping needs checked: a missing or malformed one is an {@link InvalidInputException}
 * that names the field by its path ({@code payload.line_items[2].quantity}) and never repeats its
 * value, so the reason is safe to log. {@code null} and absent are the same.
 */
public final class Payload {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String ID = "[A-Za-z0-9_-]{1,100}";
    private static final String ID_RULE = "is not an id (letters, digits, _ or -)";

    private final JsonNode node;
    private final String path;

    private Payload(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a JSON object; anything else is {@code MALFORMED_JSON} or {@code SCHEMA_VIOLATION}. */
    public static Payload parse(String json, String path) {
        return of(Json.input(json), path);
    }

    public static Payload of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw violation(path, "must be a JSON object");
        }
        return new Payload(node, path);
    }

    public JsonNode node() {
        return node;
    }

    public String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public Payload object(String field) {
        return optionalObject(field).orElseThrow(() -> violation(path(field), "is required"));
    }

    public Optional<Payload> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(of(value, path(field)));
    }

    /** The objects of an array field (absent: none). */
    public List<Payload> objects(String field) {
        List<JsonNode> values = array(field);
        List<Payload> items = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            items.add(of(values.get(i), path(field) + "[" + i + "]"));
        }
        return items;
    }

    /** The strings of an array field (absent: none). */
    public List<String> strings(String field) {
        JsonNode value = node.get(field);
        List<String> items = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> {
                if (item.isTextual()) {
                    items.add(item.asText());
                }
            });
        }
        return items;
    }

    /** The ids of an array field, numbers or tokens as {@link #id} reads them (absent: none). */
    public List<String> ids(String field) {
        List<JsonNode> values = array(field);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode id = values.get(i);
            String text = id.isIntegralNumber() || id.isTextual() ? id.asText().trim() : "";
            if (!text.matches(ID)) {
                throw violation(path(field) + "[" + i + "]", ID_RULE);
            }
            ids.add(text);
        }
        return ids;
    }

    /** The elements of an array field; absent or null is none, anything else but an array is refused. */
    private List<JsonNode> array(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw violation(path(field), "must be an array");
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    public String text(String field) {
        return optionalText(field).orElseThrow(() -> violation(path(field), "is required"));
    }

    /** A non-blank text, or a number written as text (ids are numbers in some payloads, strings in others). */
    public Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw violation(path(field), "must be a string");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * A platform id: a whole number or a token of letters, digits, _ and -, as text. {@code 0} is no
     * id (WooCommerce's customer of a guest order).
     */
    public String id(String field) {
        return optionalId(field).orElseThrow(() -> violation(path(field), "is required"));
    }

    public Optional<String> optionalId(String field) {
        Optional<String> id = optionalText(field);
        if (id.isPresent() && !id.get().matches(ID)) {
            throw violation(path(field), ID_RULE);
        }
        return id.filter(v -> !v.equals("0"));
    }

    public long integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw violation(path(field), "must be a whole number");
        }
        return value.asLong();
    }

    public Optional<Long> optionalInteger(String field) {
        return has(field) ? Optional.of(integer(field)) : Optional.empty();
    }

    public boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && value.asText().matches("(?i)true|false")) {
            return Boolean.parseBoolean(value.asText());
        }
        throw violation(path(field), "must be true or false");
    }

    /** An ISO-8601 date-time with an offset ({@code 2026-11-02T10:15:30-05:00}). */
    public OffsetDateTime dateTime(String field) {
        return optionalDateTime(field).orElseThrow(() -> violation(path(field), "is required"));
    }

    public Optional<OffsetDateTime> optionalDateTime(String field) {
        return optionalText(field).map(text -> {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw violation(path(field), "is not an ISO-8601 date-time with an offset");
            }
        });
    }

    /**
     * A date-time the platform writes in UTC without an offset ({@code 2026-11-02T02:15:30},
     * WooCommerce's {@code *_gmt}).
     */
    public Optional<OffsetDateTime> optionalUtcDateTime(String field) {
        return optionalText(field).map(text -> {
            try {
                return java.time.LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw violation(path(field), "is not a date-time (YYYY-MM-DDTHH:MM:SS, UTC)");
            }
        });
    }

    /** A Unix time in seconds, as a UTC date-time. */
    public Optional<OffsetDateTime> optionalEpochSeconds(String field) {
        return optionalInteger(field).filter(seconds -> seconds > 0)
                .map(seconds -> Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC));
    }

    public static InvalidInputException violation(String path, String rule) {
        return new InvalidInputException(RejectReason.SCHEMA_VIOLATION, path + " " + rule);
    }
}
