package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import org.opensearch.core.xcontent.XContentParser;

/**
 * Reads one JSON object of a configuration field by field from an {@link XContentParser}, with the path of each field,
 * so that every error names the field as the user wrote it ({@code [source.fields][1] must be a non-empty string}).
 * A field given as null counts as absent. Errors are {@link IllegalArgumentException}s, which OpenSearch answers with 400.
 */
public final class ConfigObject {

    /** Reads the value of one field; the parser stands on the value's first token. */
    @FunctionalInterface
    public interface FieldReader {
        void read(String field, ConfigValue value) throws IOException;
    }

    /**
     * Reads the object the parser stands on (or whose start is the next token) and hands each field to {@code reader}.
     *
     * @param path    the object's own path ("" for the top level, else e.g. {@code source})
     * @param allowed the field names it may have, or null for any (an object keyed by ids)
     */
    public static void read(XContentParser parser, String path, Set<String> allowed, FieldReader reader) throws IOException {
        if (parser.currentToken() == null) {
            parser.nextToken();
        }
        if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
            throw new IllegalArgumentException((path.isEmpty() ? "the body" : "[" + path + "]") + " must be an object, got " + ConfigValue.describe(parser));
        }
        while (parser.nextToken() != XContentParser.Token.END_OBJECT) {
            String field = parser.currentName();
            parser.nextToken();
            String name = name(path, field);
            if (allowed != null && allowed.contains(field) == false) {
                throw new IllegalArgumentException("unknown field [" + name + "]; allowed fields are " + new TreeSet<>(allowed));
            }
            if (parser.currentToken() == XContentParser.Token.VALUE_NULL) {
                continue;
            }
            reader.read(field, new ConfigValue(parser, name));
        }
    }

    public static String name(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The error for a required field that is absent. */
    public static IllegalArgumentException required(String name, String what) {
        return new IllegalArgumentException("[" + name + "] is required" + (what.isEmpty() ? "" : ": " + what));
    }

    private ConfigObject() {}
}
