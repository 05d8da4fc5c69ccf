package org.opensearch.aiops.detector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one JSON object of a configuration (a detector, or one of its parts) with the path of each field, so that
 * every error names the field as the user wrote it ({@code [source.fields][1] must be a string}). Errors are
 * {@link IllegalArgumentException}s, which OpenSearch answers with 400.
 */
public final class ConfigFields {

    private final String path;
    private final Map<String, Object> values;

    public ConfigFields(String path, Map<String, Object> values, Set<String> allowed) {
        this.path = path;
        this.values = values == null ? Map.of() : values;
        for (String field : this.values.keySet()) {
            if (allowed.contains(field) == false) {
                throw new IllegalArgumentException("unknown field [" + name(field) + "]; allowed fields are " + new TreeSet<>(allowed));
            }
        }
    }

    /** The object at {@code field} read the same way, or an empty one when absent. */
    public ConfigFields object(String field, Set<String> allowed) {
        return new ConfigFields(name(field), optionalMap(field), allowed);
    }

    public boolean has(String field) {
        return values.get(field) != null;
    }

    public String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public String requiredString(String field) {
        String value = optionalString(field, null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("[" + name(field) + "] is required and must be a non-empty string");
        }
        return value;
    }

    public String optionalString(String field, String fallback) {
        Object value = values.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String string) {
            return string;
        }
        throw wrongType(field, "a string", value);
    }

    /** A string or an array of strings, as a list; empty when absent. */
    public List<String> stringList(String field) {
        Object value = values.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String string) {
            return List.of(string);
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String string && string.isBlank() == false) {
                    strings.add(string);
                } else {
                    throw new IllegalArgumentException("[" + name(field) + "][" + i + "] must be a non-empty string, got " + describe(list.get(i)));
                }
            }
            return List.copyOf(strings);
        }
        throw wrongType(field, "a string or an array of strings", value);
    }

    public double optionalDouble(String field, double fallback) {
        Object value = values.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw wrongType(field, "a number", value);
    }

    /** An integer in [min, max]. */
    public int optionalInt(String field, int fallback, int min, int max) {
        Object value = values.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long number = ((Number) value).longValue();
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        throw new IllegalArgumentException("[" + name(field) + "] must be an integer in [" + min + ", " + max + "], got " + describe(value));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> optionalMap(String field) {
        Object value = values.get(field);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw wrongType(field, "an object", value);
    }

    public Object raw(String field) {
        return values.get(field);
    }

    public IllegalArgumentException wrongType(String field, String expected, Object value) {
        return new IllegalArgumentException("[" + name(field) + "] must be " + expected + ", got " + describe(value));
    }

    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        if (text.length() > 100) {
            text = text.substring(0, 100) + "...";
        }
        return value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " [" + text + "]";
    }
}
