package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.core.xcontent.XContentParser.Token;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;

/** One field's value while a configuration is parsed: typed readers whose errors name the field. */
public record ConfigValue(XContentParser parser, String name) {

    public String string() throws IOException {
        if (parser.currentToken() != Token.VALUE_STRING) {
            throw wrongType("a string");
        }
        return parser.text();
    }

    public String nonEmptyString() throws IOException {
        String value = string();
        if (value.isBlank()) {
            throw new IllegalArgumentException("[" + name + "] is required and must be a non-empty string");
        }
        return value;
    }

    /** A string or an array of non-empty strings, as a list. */
    public List<String> stringList() throws IOException {
        if (parser.currentToken() == Token.VALUE_STRING) {
            return List.of(parser.text());
        }
        if (parser.currentToken() != Token.START_ARRAY) {
            throw wrongType("a string or an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; parser.nextToken() != Token.END_ARRAY; i++) {
            if (parser.currentToken() != Token.VALUE_STRING || parser.text().isBlank()) {
                throw new IllegalArgumentException("[" + name + "][" + i + "] must be a non-empty string, got " + describe(parser));
            }
            strings.add(parser.text());
        }
        return List.copyOf(strings);
    }

    /** An integer in [min, max] (a JSON number without fraction). */
    public int intIn(int min, int max) throws IOException {
        if (parser.currentToken() == Token.VALUE_NUMBER) {
            XContentParser.NumberType type = parser.numberType();
            if (type == XContentParser.NumberType.INT || type == XContentParser.NumberType.LONG) {
                long value = parser.longValue();
                if (value >= min && value <= max) {
                    return (int) value;
                }
            }
        }
        throw new IllegalArgumentException("[" + name + "] must be an integer in [" + min + ", " + max + "], got " + describe(parser));
    }

    public double number() throws IOException {
        if (parser.currentToken() == Token.VALUE_NUMBER && Double.isFinite(parser.doubleValue())) {
            return parser.doubleValue();
        }
        throw wrongType("a number");
    }

    public boolean bool() throws IOException {
        if (parser.currentToken() == Token.VALUE_BOOLEAN) {
            return parser.booleanValue();
        }
        throw wrongType("true or false");
    }

    /** Epoch milliseconds or a date string. */
    public long time() throws IOException {
        if (parser.currentToken() == Token.VALUE_NUMBER
            && (parser.numberType() == XContentParser.NumberType.INT || parser.numberType() == XContentParser.NumberType.LONG)) {
            return parser.longValue();
        }
        if (parser.currentToken() == Token.VALUE_STRING) {
            return TimeRange.parse(parser.text(), name);
        }
        throw new IllegalArgumentException("[" + name + "] must be epoch milliseconds or a date string, got " + describe(parser));
    }

    /** A time such as 30s, 1m or 1h. */
    public TimeValue timeValue() throws IOException {
        String text = string();
        try {
            return TimeValue.parseTimeValue(text, name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("[" + name + "] must be a time such as 30s, 1m or 1h, got [" + text + "]");
        }
    }

    /** A query in the query DSL, parsed with the node's registry of queries. */
    public QueryBuilder query() throws IOException {
        if (parser.currentToken() != Token.START_OBJECT) {
            throw wrongType("a query object");
        }
        try {
            return AbstractQueryBuilder.parseInnerQueryBuilder(parser);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("[" + name + "] is not a valid query: " + e.getMessage(), e);
        }
    }

    /** A nested configuration object. */
    public void object(Set<String> allowed, ConfigObject.FieldReader reader) throws IOException {
        ConfigObject.read(parser, name, allowed, reader);
    }

    /** An object of free-form values (labels and the like). */
    public Map<String, Object> map() throws IOException {
        if (parser.currentToken() != Token.START_OBJECT) {
            throw wrongType("an object");
        }
        return parser.mapOrdered();
    }

    public IllegalArgumentException wrongType(String expected) throws IOException {
        return new IllegalArgumentException("[" + name + "] must be " + expected + ", got " + describe(parser));
    }

    /** The current value for a message (its children skipped, so parsing can go on), as {@code string [abc]}. */
    static String describe(XContentParser parser) throws IOException {
        Token token = parser.currentToken();
        if (token == null) {
            return "nothing";
        }
        switch (token) {
            case START_OBJECT -> {
                parser.skipChildren();
                return "an object";
            }
            case START_ARRAY -> {
                parser.skipChildren();
                return "an array";
            }
            case VALUE_STRING -> {
                String text = parser.text();
                return "string [" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "]";
            }
            case VALUE_NUMBER -> {
                return "number [" + parser.text() + "]";
            }
            case VALUE_BOOLEAN -> {
                return "boolean [" + parser.text() + "]";
            }
            default -> {
                return token.name().toLowerCase(Locale.ROOT);
            }
        }
    }
}
