/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.core.xcontent.XContentParser.Token;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;

/**
 * Reads one JSON object of a configuration (a detector, its source, its training…) field by field
 * from an {@link XContentParser}, naming each field with its path in every error ({@code
 * [source.fields][1] must be a non-empty string, got number [7]}). Errors are {@link
 * IllegalArgumentException}s, which OpenSearch answers with 400. A field given as null counts as
 * absent, so its default applies. The one configuration parser of the plugin.
 */
public final class ConfigParser {

    private final XContentParser parser;
    private final String path;

    private ConfigParser(XContentParser parser, String path) {
        this.parser = parser;
        this.path = path;
    }

    /**
     * Positions on the object's start (reading it if the parser has not started yet).
     *
     * @param path the object's own path, "" for a request body
     */
    public static ConfigParser start(XContentParser parser, String path) throws IOException {
        Token token = parser.currentToken() == null ? parser.nextToken() : parser.currentToken();
        if (token != Token.START_OBJECT) {
            throw new IllegalArgumentException(
                    (path.isEmpty() ? "the body" : "[" + path + "]")
                            + " must be an object, got "
                            + describe(parser));
        }
        return new ConfigParser(parser, path);
    }

    public XContentParser parser() {
        return parser;
    }

    /**
     * The next field whose value is not null (the parser on its value), or null at the end of the
     * object.
     */
    public String nextField(Set<String> allowed) throws IOException {
        while (parser.nextToken() == Token.FIELD_NAME) {
            String field = parser.currentName();
            if (allowed != null && allowed.contains(field) == false) {
                throw new IllegalArgumentException(
                        "unknown field ["
                                + name(field)
                                + "]; allowed fields are "
                                + new TreeSet<>(allowed));
            }
            if (parser.nextToken() != Token.VALUE_NULL) {
                return field;
            }
        }
        return null;
    }

    /** The next field of an object keyed by ids (any name allowed). */
    public String nextAnyField() throws IOException {
        return nextField(null);
    }

    /** A field's full name, e.g. {@code source.fields}. */
    public String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The reader of the nested object the parser is on. */
    public ConfigParser object(String field) throws IOException {
        return start(parser, name(field));
    }

    /** A string (possibly empty). */
    public String anyString(String field) throws IOException {
        if (parser.currentToken() != Token.VALUE_STRING) {
            throw wrong(field, "a string");
        }
        return parser.text();
    }

    /** A non-empty string. */
    public String string(String field) throws IOException {
        String value = anyString(field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("[" + name(field) + "] must be a non-empty string");
        }
        return value;
    }

    /** A string or an array of non-empty strings, as a list. */
    public List<String> strings(String field) throws IOException {
        if (parser.currentToken() == Token.VALUE_STRING) {
            return List.of(string(field));
        }
        if (parser.currentToken() != Token.START_ARRAY) {
            throw wrong(field, "a string or an array of strings");
        }
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != Token.END_ARRAY) {
            if (parser.currentToken() != Token.VALUE_STRING || parser.text().isBlank()) {
                throw new IllegalArgumentException(
                        "["
                                + name(field)
                                + "]["
                                + values.size()
                                + "] must be a non-empty string, got "
                                + describe(parser));
            }
            values.add(parser.text());
        }
        return List.copyOf(values);
    }

    /** A whole number in [min, max]. */
    public int integer(String field, int min, int max) throws IOException {
        if (parser.currentToken() == Token.VALUE_NUMBER
                && (parser.numberType() == XContentParser.NumberType.INT
                        || parser.numberType() == XContentParser.NumberType.LONG)) {
            long value = parser.longValue();
            if (value >= min && value <= max) {
                return (int) value;
            }
        }
        throw new IllegalArgumentException(
                "["
                        + name(field)
                        + "] must be an integer in ["
                        + min
                        + ", "
                        + max
                        + "], got "
                        + describe(parser));
    }

    /** A finite number. */
    public double number(String field) throws IOException {
        if (parser.currentToken() == Token.VALUE_NUMBER && Double.isFinite(parser.doubleValue())) {
            return parser.doubleValue();
        }
        throw wrong(field, "a number");
    }

    /** A point in time: epoch milliseconds or a date string. */
    public long instant(String field) throws IOException {
        if (parser.currentToken() == Token.VALUE_NUMBER
                && (parser.numberType() == XContentParser.NumberType.INT
                        || parser.numberType() == XContentParser.NumberType.LONG)) {
            return parser.longValue();
        }
        if (parser.currentToken() == Token.VALUE_STRING) {
            return TimeRange.parse(parser.text(), name(field));
        }
        throw wrong(field, "epoch milliseconds or a date string");
    }

    /** A duration such as {@code "5m"}, or a number of milliseconds, within [min, max]. */
    public TimeValue duration(String field, TimeValue min, TimeValue max) throws IOException {
        TimeValue value;
        if (parser.currentToken() == Token.VALUE_NUMBER
                && (parser.numberType() == XContentParser.NumberType.INT
                        || parser.numberType() == XContentParser.NumberType.LONG)) {
            value = TimeValue.timeValueMillis(parser.longValue());
        } else if (parser.currentToken() == Token.VALUE_STRING) {
            try {
                value = TimeValue.parseTimeValue(parser.text(), name(field));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "["
                                + name(field)
                                + "] must be a time such as 30s, 1m or 1h, got ["
                                + parser.text()
                                + "]");
            }
        } else {
            throw wrong(field, "a time such as 30s, 1m or 1h");
        }
        if (value.millis() < min.millis() || value.millis() > max.millis()) {
            throw new IllegalArgumentException(
                    "["
                            + name(field)
                            + "] must be between "
                            + min.getStringRep()
                            + " and "
                            + max.getStringRep()
                            + ", got ["
                            + value.getStringRep()
                            + "]");
        }
        return value;
    }

    /**
     * A query in the query DSL, parsed as the search API would (the parser's registry must know the
     * query types).
     */
    public QueryBuilder query(String field) throws IOException {
        if (parser.currentToken() != Token.START_OBJECT) {
            throw wrong(field, "a query object");
        }
        try {
            return AbstractQueryBuilder.parseInnerQueryBuilder(parser);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "[" + name(field) + "] is not a valid query: " + e.getMessage(), e);
        }
    }

    public IllegalArgumentException wrong(String field, String expected) throws IOException {
        return new IllegalArgumentException(
                "[" + name(field) + "] must be " + expected + ", got " + describe(parser));
    }

    /** The error for a required field that is absent. */
    public IllegalArgumentException required(String field, String what) {
        return new IllegalArgumentException(
                "[" + name(field) + "] is required" + (what.isEmpty() ? "" : ": " + what));
    }

    /**
     * The current value for a message (its children skipped, so parsing could go on), e.g. {@code
     * string [abc]}.
     */
    public static String describe(XContentParser parser) throws IOException {
        Token token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> {
                parser.skipChildren();
                yield "an object";
            }
            case START_ARRAY -> {
                parser.skipChildren();
                yield "an array";
            }
            case VALUE_STRING -> "string [" + abbreviate(parser.text()) + "]";
            case VALUE_NUMBER -> "number [" + parser.text() + "]";
            case VALUE_BOOLEAN -> "boolean [" + parser.text() + "]";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
