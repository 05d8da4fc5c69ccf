package org.opensearch.aiops.detector.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;

/**
 * Reads the fields of one input configuration object from an {@link XContentParser}, naming each field with its path
 * ({@code [source.instance_tag] must be a string}) in every error. Errors are {@link IllegalArgumentException}s, which
 * OpenSearch answers with 400. A {@code null} value counts as absent, so the default applies.
 */
final class InputConfigParser {

    private final XContentParser parser;
    private final String path;

    private InputConfigParser(XContentParser parser, String path) {
        this.parser = parser;
        this.path = path;
    }

    /** Positions on the object's start (reading it if the parser has not started yet). */
    static InputConfigParser start(XContentParser parser, String path) throws IOException {
        XContentParser.Token token = parser.currentToken() == null ? parser.nextToken() : parser.currentToken();
        if (token != XContentParser.Token.START_OBJECT) {
            throw new IllegalArgumentException("[" + (path.isEmpty() ? "input" : path) + "] must be an object, got " + describe(token));
        }
        return new InputConfigParser(parser, path);
    }

    /** The next field whose value is not null (positioned on its value), or null at the end of the object. */
    String nextField(Set<String> allowed) throws IOException {
        while (parser.nextToken() == XContentParser.Token.FIELD_NAME) {
            String field = parser.currentName();
            if (allowed.contains(field) == false) {
                throw new IllegalArgumentException("unknown field [" + name(field) + "]; allowed fields are " + new TreeSet<>(allowed));
            }
            if (parser.nextToken() != XContentParser.Token.VALUE_NULL) {
                return field;
            }
        }
        return null;
    }

    String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    String string(String field) throws IOException {
        if (parser.currentToken() != XContentParser.Token.VALUE_STRING) {
            throw wrong(field, "a string");
        }
        if (parser.text().isBlank()) {
            throw new IllegalArgumentException("[" + name(field) + "] must not be empty");
        }
        return parser.text();
    }

    /** A string or an array of non-empty strings. */
    List<String> strings(String field) throws IOException {
        if (parser.currentToken() == XContentParser.Token.VALUE_STRING) {
            return List.of(string(field));
        }
        if (parser.currentToken() != XContentParser.Token.START_ARRAY) {
            throw wrong(field, "a string or an array of strings");
        }
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
            if (parser.currentToken() != XContentParser.Token.VALUE_STRING || parser.text().isBlank()) {
                throw new IllegalArgumentException(
                    "[" + name(field) + "][" + values.size() + "] must be a non-empty string, got " + describe(parser.currentToken())
                );
            }
            values.add(parser.text());
        }
        return List.copyOf(values);
    }

    /** A whole number in [min, max]. */
    int integer(String field, int min, int max) throws IOException {
        if (parser.currentToken() != XContentParser.Token.VALUE_NUMBER
            || (parser.numberType() != XContentParser.NumberType.INT && parser.numberType() != XContentParser.NumberType.LONG)) {
            throw wrong(field, "a whole number");
        }
        long value = parser.longValue();
        if (value < min || value > max) {
            throw new IllegalArgumentException("[" + name(field) + "] must be between " + min + " and " + max + ", got " + value);
        }
        return (int) value;
    }

    /** A duration such as {@code "5m"}, or a number of milliseconds, within [min, max]. */
    TimeValue time(String field, TimeValue min, TimeValue max) throws IOException {
        TimeValue value;
        if (parser.currentToken() == XContentParser.Token.VALUE_NUMBER) {
            value = TimeValue.timeValueMillis(parser.longValue());
        } else if (parser.currentToken() == XContentParser.Token.VALUE_STRING) {
            try {
                value = TimeValue.parseTimeValue(parser.text(), name(field));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("[" + name(field) + "] is not a duration such as 30s or 5m: [" + parser.text() + "]");
            }
        } else {
            throw wrong(field, "a duration such as 30s or 5m");
        }
        if (value.millis() < min.millis() || value.millis() > max.millis()) {
            throw new IllegalArgumentException(
                "[" + name(field) + "] must be between " + min.getStringRep() + " and " + max.getStringRep() + ", got "
                    + value.getStringRep()
            );
        }
        return value;
    }

    /** A query object, parsed as the search API would (the parser's registry must know the query types). */
    QueryBuilder query(String field) throws IOException {
        if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
            throw wrong(field, "a query object");
        }
        try {
            return AbstractQueryBuilder.parseInnerQueryBuilder(parser);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("[" + name(field) + "] is not a valid query: " + e.getMessage(), e);
        }
    }

    IllegalArgumentException wrong(String field, String expected) {
        return new IllegalArgumentException("[" + name(field) + "] must be " + expected + ", got " + describe(parser.currentToken()));
    }

    private static String describe(XContentParser.Token token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_BOOLEAN -> "a boolean";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }
}
