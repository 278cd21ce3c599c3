package dev.storecrm.platform;

import java.util.Map;
import java.util.Objects;

/**
 * A function's configuration: the environment variables template.yaml gives it. Missing or
 * malformed settings fail at start-up with the variable's name, never later mid-batch.
 */
public final class Settings {

    private final Map<String, String> variables;

    public Settings(Map<String, String> variables) {
        this.variables = Map.copyOf(Objects.requireNonNull(variables));
    }

    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (template.yaml sets it)");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public long longValue(String name, long fallback) {
        String value = optional(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " must be a whole number", e);
        }
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
        String value = optional(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + name + " must be one of "
                    + java.util.List.of(type.getEnumConstants()), e);
        }
    }

    public Map<String, String> asMap() {
        return variables;
    }
}
