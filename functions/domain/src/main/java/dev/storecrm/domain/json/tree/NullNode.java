package dev.storecrm.domain.json.tree;

/** JSON {@code null}. */
public final class NullNode extends JsonNode {

    private static final NullNode INSTANCE = new NullNode();

    private NullNode() {
    }

    public static NullNode getInstance() {
        return INSTANCE;
    }

    @Override
    public boolean isNull() {
        return true;
    }

    @Override
    public boolean isValueNode() {
        return true;
    }

    @Override
    public String asText() {
        return "null";
    }

    @Override
    public String asText(String defaultValue) {
        return defaultValue;
    }

    @Override
    public JsonNode deepCopy() {
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NullNode;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
