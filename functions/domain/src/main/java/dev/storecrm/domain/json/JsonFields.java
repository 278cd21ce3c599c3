package dev.storecrm.domain.json;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.EventLimits;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.messaging.EmailAddress;
import dev.storecrm.domain.money.Money;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one JSON object (of an event, a message request), field by field, with the JSON path of every field at hand so
 * that each error names exactly what is wrong. Errors never quote a value: values may be personal.
 *
 * <p>Every string read here is refused as {@link RejectReason#INVALID_TEXT} if it holds a NUL character or an
 * unpaired UTF-16 surrogate; every date-time outside the contract's years ({@link EventLimits}) as
 * {@link RejectReason#DATE_OUT_OF_RANGE}; every amount above {@link Money#MAX_MINOR} as
 * {@link RejectReason#AMOUNT_OUT_OF_RANGE}; every e-mail that is not one plain address as
 * {@link RejectReason#INVALID_EMAIL_ADDRESS}.
 */
public final class JsonFields {

    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#@+=-]{0,127}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern DATE_TIME_SHAPE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static JsonFields object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw violation(path, "must be an object");
        }
        return new JsonFields(node, path);
    }

    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Refuses any field not in {@code allowed}, as the schema's {@code additionalProperties: false}. */
    public JsonFields allowOnly(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw violation(path(name), "is not a field of this object");
            }
        }
        return this;
    }

    public boolean has(String name) {
        return node.has(name);
    }

    public boolean isNull(String name) {
        return node.has(name) && node.get(name).isNull();
    }

    public JsonFields object(String name) {
        return object(require(name), path(name));
    }

    public Optional<JsonFields> optionalObject(String name) {
        return present(name) ? Optional.of(object(name)) : Optional.empty();
    }

    public String string(String name, int maxLength) {
        JsonNode value = require(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw violation(path(name), "must be a non-empty string");
        }
        Text.requireValid(path(name), value.asText());
        if (value.asText().length() > maxLength) {
            throw violation(path(name), "must be at most " + maxLength + " characters");
        }
        return value.asText();
    }

    public Optional<String> optionalString(String name, int maxLength) {
        return present(name) ? Optional.of(string(name, maxLength)) : Optional.empty();
    }

    public String matching(String name, Pattern pattern, String description) {
        String value = string(name, 2048);
        if (!pattern.matcher(value).matches()) {
            throw violation(path(name), "must be " + description);
        }
        return value;
    }

    public Optional<String> optionalMatching(String name, Pattern pattern, String description) {
        return present(name) ? Optional.of(matching(name, pattern, description)) : Optional.empty();
    }

    /** One plain e-mail address ({@link EmailAddress}). */
    public String email(String name) {
        String value = string(name, 2048);
        if (!EmailAddress.isPlain(value)) {
            throw new InvalidInputException(RejectReason.INVALID_EMAIL_ADDRESS, path(name)
                    + " must be one plain e-mail address, local@domain (no display name, list, space or line break)");
        }
        return value;
    }

    public Optional<String> optionalEmail(String name) {
        return present(name) ? Optional.of(email(name)) : Optional.empty();
    }

    public String identifier(String name) {
        return matching(name, IDENTIFIER, "an identifier of 1 to 128 letters, digits or ._:/#@+=-");
    }

    public Optional<String> optionalIdentifier(String name) {
        return present(name) ? Optional.of(identifier(name)) : Optional.empty();
    }

    public long integer(String name, long min, long max) {
        JsonNode value = require(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw violation(path(name), "must be an integer");
        }
        long number = value.asLong();
        if (number < min || number > max) {
            throw violation(path(name), "must be between " + min + " and " + max);
        }
        return number;
    }

    public boolean bool(String name) {
        JsonNode value = require(name);
        if (!value.isBoolean()) {
            throw violation(path(name), "must be true or false");
        }
        return value.asBoolean();
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = string(name, 64);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw violation(path(name), "must be one of " + List.of(type.getEnumConstants()));
    }

    public OffsetDateTime dateTime(String name) {
        String value = string(name, 64);
        if (!DATE_TIME_SHAPE.matcher(value).matches()) {
            throw violation(path(name),
                    "must be an ISO-8601 date-time with a UTC offset, e.g. 2026-11-02T10:15:30+08:00");
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(RejectReason.IMPOSSIBLE_DATE, path(name) + " is not a real date and time");
        }
        if (!EventLimits.inContractYears(at)) {
            throw new InvalidInputException(RejectReason.DATE_OUT_OF_RANGE, path(name) + " must lie in the years "
                    + EventLimits.EARLIEST_YEAR + " to " + EventLimits.LATEST_YEAR);
        }
        return at;
    }

    public Optional<OffsetDateTime> optionalDateTime(String name) {
        return present(name) ? Optional.of(dateTime(name)) : Optional.empty();
    }

    public Optional<ZoneId> optionalTimeZone(String name) {
        return present(name) ? Optional.of(timeZone(name)) : Optional.empty();
    }

    public ZoneId timeZone(String name) {
        String value = string(name, 64);
        if (!ZoneId.getAvailableZoneIds().contains(value)) {
            throw new InvalidInputException(RejectReason.UNKNOWN_TIME_ZONE,
                    path(name) + " '" + sanitize(value) + "' is not an IANA time zone such as Asia/Shanghai");
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new InvalidInputException(RejectReason.UNKNOWN_TIME_ZONE, path(name) + " is not an IANA time zone");
        }
    }

    public Money money(String name) {
        JsonFields money = object(name).allowOnly(Set.of("amount", "currency"));
        JsonNode minor = money.require("amount");
        if (!minor.isIntegralNumber()) {
            throw violation(money.path("amount"), "must be an integer");
        }
        if (!minor.canConvertToLong() || minor.asLong() < 0 || minor.asLong() > Money.MAX_MINOR) {
            throw new InvalidInputException(RejectReason.AMOUNT_OUT_OF_RANGE, money.path("amount")
                    + " must be between 0 and " + Money.MAX_MINOR + " minor units");
        }
        long amount = minor.asLong();
        String code = money.matching("currency", CURRENCY_CODE, "an ISO 4217 code of three capital letters");
        try {
            return new Money(amount, Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(RejectReason.UNKNOWN_CURRENCY,
                    money.path("currency") + " '" + code + "' is not an ISO 4217 currency");
        }
    }

    public Optional<Money> optionalMoney(String name) {
        return present(name) ? Optional.of(money(name)) : Optional.empty();
    }

    public List<JsonFields> objects(String name, int minItems, int maxItems) {
        JsonNode value = require(name);
        if (!value.isArray()) {
            throw violation(path(name), "must be an array");
        }
        if (value.size() < minItems || value.size() > maxItems) {
            throw violation(path(name), "must have " + minItems + " to " + maxItems + " items");
        }
        List<JsonFields> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(object(value.get(i), path(name) + "[" + i + "]"));
        }
        return items;
    }

    public List<String> strings(String name, Pattern pattern, String description, int maxItems) {
        if (!present(name)) {
            return List.of();
        }
        JsonNode value = node.get(name);
        if (!value.isArray() || value.size() > maxItems) {
            throw violation(path(name), "must be an array of at most " + maxItems + " strings");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || !pattern.matcher(item.asText()).matches()) {
                throw violation(path(name) + "[" + i + "]", "must be " + description);
            }
            items.add(item.asText());
        }
        return items;
    }

    /** The raw JSON of a field (for open-ended content such as template data), or null when absent. */
    public JsonNode raw(String name) {
        return node.get(name);
    }

    public Iterator<String> rawFieldNames() {
        return node.fieldNames();
    }

    public static InvalidInputException violation(String path, String rule) {
        return new InvalidInputException(RejectReason.SCHEMA_VIOLATION, (path.isEmpty() ? "event" : path) + " " + rule);
    }

    /** Whether an optional field is given; an optional field is left out, never sent as JSON null. */
    private boolean present(String name) {
        if (node.has(name) && node.get(name).isNull()) {
            throw violation(path(name), "must not be null (leave the field out instead)");
        }
        return node.has(name);
    }

    private JsonNode require(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw violation(path(name), "is required");
        }
        return value;
    }

    /** Time-zone ids are not personal data, but keep the echo short and printable. */
    private static String sanitize(String value) {
        String printable = value.replaceAll("[^A-Za-z0-9_/+-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
