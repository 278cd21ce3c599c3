package dev.storecrm.domain.json;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.JsonProcessingException;
import dev.storecrm.domain.json.tree.ObjectMapper;

/**
 * Reading JSON text, with the two ways it can be wrong: a message's body ({@link #input}) is bad input,
 * refused as {@code MALFORMED_JSON} with where it broke; a setting ({@link #setting}) is the store's
 * configuration, and stops the function at start-up saying which one.
 */
public final class Json {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Json() {}

    /** A message body: anything that is not JSON, or empty, is {@code MALFORMED_JSON}. */
    public static JsonNode input(String body) {
        JsonNode node;
        try {
            node = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidInputException(RejectReason.MALFORMED_JSON, "empty body");
        }
        return node;
    }

    /** A setting that must be a JSON object; {@code where} names it in the error. */
    public static JsonNode setting(String text, String where) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalStateException(where + " must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
