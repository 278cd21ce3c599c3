package dev.storecrm.domain.json.tree;

/** What {@link JsonNode#path} gives where there is nothing: every accessor answers as for an absent value. */
public final class MissingNode extends JsonNode {

    private static final MissingNode INSTANCE = new MissingNode();

    private MissingNode() {
    }

    public static MissingNode getInstance() {
        return INSTANCE;
    }

    @Override
    public boolean isMissingNode() {
        return true;
    }

    @Override
    public String asText() {
        return "";
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
    public String toString() {
        return "";
    }

    @Override
    public String toPrettyString() {
        return "";
    }

    @Override
    public boolean equals(Object other) {
        return other == this;
    }

    @Override
    public int hashCode() {
        return 1;
    }
}
