package dev.storecrm.domain.json.tree;

import java.util.Objects;

/** A JSON string. */
public final class TextNode extends JsonNode {

    private final String value;

    TextNode(String value) {
        this.value = value;
    }

    /** The node of {@code value}; a {@code null} text is JSON {@code null}, as Jackson's callers get it. */
    public static JsonNode valueOf(String value) {
        return value == null ? NullNode.getInstance() : new TextNode(value);
    }

    @Override
    public boolean isTextual() {
        return true;
    }

    @Override
    public boolean isValueNode() {
        return true;
    }

    @Override
    public String textValue() {
        return value;
    }

    @Override
    public String asText() {
        return value;
    }

    @Override
    public long asLong(long defaultValue) {
        return (long) parsed(defaultValue);
    }

    @Override
    public int asInt(int defaultValue) {
        return (int) parsed(defaultValue);
    }

    @Override
    public double asDouble() {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** As Jackson's {@code NumberInput.parseAsLong}: an integer, else a decimal's integral part, else the default. */
    private double parsed(long defaultValue) {
        String text = value.trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notAnInteger) {
            try {
                double number = Double.parseDouble(text);
                return Double.isFinite(number) ? number : defaultValue;
            } catch (NumberFormatException notANumber) {
                return defaultValue;
            }
        }
    }

    @Override
    public boolean asBoolean(boolean defaultValue) {
        String text = value.trim();
        if ("true".equals(text)) {
            return true;
        }
        return "false".equals(text) ? false : defaultValue;
    }

    @Override
    public JsonNode deepCopy() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextNode text && text.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }
}
