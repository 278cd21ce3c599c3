package dev.storecrm.domain.json.tree;

import java.io.IOException;

/** JSON text that cannot be read, with where it broke (1-based line and column). */
public class JsonProcessingException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String originalMessage;
    private final transient JsonLocation location;

    JsonProcessingException(String message, JsonLocation location) {
        super(message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        this.originalMessage = message;
        this.location = location;
    }

    /** What is wrong, without where. */
    public String getOriginalMessage() {
        return originalMessage;
    }

    public JsonLocation getLocation() {
        return location;
    }

    /** A place in JSON text. */
    public record JsonLocation(int line, int column) {

        public int getLineNr() {
            return line;
        }

        public int getColumnNr() {
            return column;
        }
    }
}
