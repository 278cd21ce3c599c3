package dev.storecrm.domain.json.tree;

import dev.storecrm.domain.json.tree.JsonProcessingException.JsonLocation;

/**
 * Reads JSON text (RFC 8259) into a tree: one value, with nothing but white space after it. Integers become the
 * smallest of {@code int}, {@code long} and big integer that holds them, other numbers {@code double}, as Jackson
 * reads them. Bounded: nesting deeper than {@value #MAX_DEPTH} is refused, as Jackson refuses it.
 */
public final class JsonParser {

    /** The reader's options, named as Jackson's. */
    public enum Feature {
        /** A field named twice in one object is refused (otherwise the last one counts). */
        STRICT_DUPLICATE_DETECTION
    }

    static final int MAX_DEPTH = 1000;

    private final String text;
    private final boolean strictDuplicates;
    private int position;
    private int depth;

    private JsonParser(String text, boolean strictDuplicates) {
        this.text = text;
        this.strictDuplicates = strictDuplicates;
    }

    /** The value of {@code text}, or {@link MissingNode} when it holds only white space. */
    static JsonNode read(String text, boolean strictDuplicates) throws JsonProcessingException {
        JsonParser parser = new JsonParser(text, strictDuplicates);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            parser.position = 1;
        }
        parser.skipWhiteSpace();
        if (parser.position == text.length()) {
            return MissingNode.getInstance();
        }
        JsonNode value = parser.value();
        parser.skipWhiteSpace();
        if (parser.position < text.length()) {
            throw parser.error("unexpected " + parser.describe() + " after the end of the JSON value");
        }
        return value;
    }

    private JsonNode value() throws JsonProcessingException {
        if (position >= text.length()) {
            throw error("unexpected end of input: expected a value");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new TextNode(string());
            case 't' -> literal("true", BooleanNode.TRUE);
            case 'f' -> literal("false", BooleanNode.FALSE);
            case 'n' -> literal("null", NullNode.getInstance());
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected " + describe() + ": expected a value");
            }
        };
    }

    private ObjectNode object() throws JsonProcessingException {
        enter();
        position++;
        ObjectNode object = new ObjectNode();
        skipWhiteSpace();
        if (peek() == '}') {
            position++;
            depth--;
            return object;
        }
        while (true) {
            skipWhiteSpace();
            if (peek() != '"') {
                throw error("unexpected " + describe() + ": expected a double-quoted field name");
            }
            String name = string();
            if (strictDuplicates && object.has(name)) {
                throw error("duplicate field \"" + name + "\"");
            }
            skipWhiteSpace();
            expect(':', "a colon after the field name");
            skipWhiteSpace();
            object.set(name, value());
            skipWhiteSpace();
            if (peek() == ',') {
                position++;
            } else {
                expect('}', "a comma or the end of the object");
                depth--;
                return object;
            }
        }
    }

    private ArrayNode array() throws JsonProcessingException {
        enter();
        position++;
        ArrayNode array = new ArrayNode();
        skipWhiteSpace();
        if (peek() == ']') {
            position++;
            depth--;
            return array;
        }
        while (true) {
            skipWhiteSpace();
            array.add(value());
            skipWhiteSpace();
            if (peek() == ',') {
                position++;
            } else {
                expect(']', "a comma or the end of the array");
                depth--;
                return array;
            }
        }
    }

    private void enter() throws JsonProcessingException {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() throws JsonProcessingException {
        position++;
        StringBuilder value = new StringBuilder();
        int start = position;
        while (true) {
            if (position >= text.length()) {
                throw error("unexpected end of input in a string");
            }
            char c = text.charAt(position);
            if (c == '"') {
                value.append(text, start, position++);
                return value.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character (code " + (int) c + ") in a string");
            }
            if (c == '\\') {
                value.append(text, start, position);
                value.append(escape());
                start = position;
            } else {
                position++;
            }
        }
    }

    private char escape() throws JsonProcessingException {
        position++;
        if (position >= text.length()) {
            throw error("unexpected end of input in a string");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            default -> {
                position--;
                throw error("unrecognised escape \\" + (c < 0x20 ? "(code " + (int) c + ")" : String.valueOf(c)));
            }
        };
    }

    private char unicode() throws JsonProcessingException {
        if (position + 4 > text.length()) {
            throw error("unexpected end of input in a \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position), 16);
            if (digit < 0) {
                throw error("expected a hexadecimal digit in a \\u escape");
            }
            code = code * 16 + digit;
            position++;
        }
        return (char) code;
    }

    private NumberNode number() throws JsonProcessingException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
            if (isDigit(peek())) {
                throw error("a number may not start with a leading zero");
            }
        } else if (!digits()) {
            throw error("expected a digit after the minus sign");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            position++;
            if (!digits()) {
                throw error("expected a digit after the decimal point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!digits()) {
                throw error("expected a digit in the exponent");
            }
        }
        if (position - start > 1000) {
            throw error("a number longer than 1000 characters");
        }
        String literal = text.substring(start, position);
        return integral ? NumberNode.integer(literal) : NumberNode.valueOf(Double.parseDouble(literal));
    }

    private boolean digits() {
        int start = position;
        while (isDigit(peek())) {
            position++;
        }
        return position > start;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private JsonNode literal(String word, JsonNode value) throws JsonProcessingException {
        if (!text.startsWith(word, position)) {
            throw error("unrecognised token: expected a value");
        }
        position += word.length();
        if (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
            throw error("unrecognised token: expected a value");
        }
        return value;
    }

    private void expect(char wanted, String what) throws JsonProcessingException {
        if (peek() != wanted) {
            throw error("unexpected " + describe() + ": expected " + what);
        }
        position++;
    }

    private int peek() {
        return position < text.length() ? text.charAt(position) : -1;
    }

    private void skipWhiteSpace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    /** The character at the current position, named without quoting the text around it. */
    private String describe() {
        if (position >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(position);
        return c >= 0x20 && c < 0x7F ? "character '" + c + "'" : "character (code " + (int) c + ")";
    }

    private JsonProcessingException error(String message) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(position, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonProcessingException(message, new JsonLocation(line, end - lineStart + 1));
    }
}
