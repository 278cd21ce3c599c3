package dev.storecrm.domain.json.tree;

/** JSON {@code true} or {@code false}. */
public final class BooleanNode extends JsonNode {

    public static final BooleanNode TRUE = new BooleanNode(true);
    public static final BooleanNode FALSE = new BooleanNode(false);

    private final boolean value;

    private BooleanNode(boolean value) {
        this.value = value;
    }

    public static BooleanNode valueOf(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public boolean isBoolean() {
        return true;
    }

    @Override
    public boolean isValueNode() {
        return true;
    }

    @Override
    public boolean booleanValue() {
        return value;
    }

    @Override
    public String asText() {
        return value ? "true" : "false";
    }

    @Override
    public boolean asBoolean(boolean defaultValue) {
        return value;
    }

    @Override
    public long asLong(long defaultValue) {
        return value ? 1 : 0;
    }

    @Override
    public int asInt(int defaultValue) {
        return value ? 1 : 0;
    }

    @Override
    public double asDouble() {
        return value ? 1 : 0;
    }

    @Override
    public JsonNode deepCopy() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BooleanNode bool && bool.value == value;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(value);
    }
}
