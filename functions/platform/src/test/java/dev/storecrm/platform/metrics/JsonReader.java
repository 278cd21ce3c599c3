package dev.storecrm.platform.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON text into maps, lists, strings, doubles and booleans, so the tests can hold an EMF line against
 * another field by field (the EMF library wrote its fields in hash order) without the Jackson this package drops.
 * Strict: anything but one whole JSON value fails.
 */
final class JsonReader {

    private final String text;
    private int at;

    private JsonReader(String text) {
        this.text = text;
    }

    static Object read(String text) {
        JsonReader reader = new JsonReader(text);
        Object value = reader.value();
        reader.space();
        if (reader.at != text.length()) {
            throw reader.error("text after the value");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        return (Map<String, Object>) read(text);
    }

    private Object value() {
        space();
        char c = peek();
        if (c == '{') {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            if (skip('}')) {
                return object;
            }
            do {
                space();
                String key = string();
                space();
                expect(':');
                if (object.put(key, value()) != null) {
                    throw error("duplicate key " + key);
                }
                space();
            } while (skip(','));
            expect('}');
            return object;
        }
        if (c == '[') {
            List<Object> list = new ArrayList<>();
            at++;
            if (skip(']')) {
                return list;
            }
            do {
                list.add(value());
                space();
            } while (skip(','));
            expect(']');
            return list;
        }
        if (c == '"') {
            return string();
        }
        for (String word : List.of("true", "false", "null")) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (start == at) {
            throw error("no value");
        }
        return Double.valueOf(text.substring(start, at));
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (peek() != '"') {
            char c = text.charAt(at++);
            if (c < 0x20) {
                throw error("unescaped control character");
            }
            if (c == '\\') {
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        at++;
        return out.toString();
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean skip(char c) {
        space();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!skip(c)) {
            throw error("expected " + c);
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + at + ": " + text);
    }
}
