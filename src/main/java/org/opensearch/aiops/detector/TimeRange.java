package org.opensearch.aiops.detector;

import java.util.Map;

import org.opensearch.common.time.DateFormatter;
import org.opensearch.common.time.DateFormatters;

/** A half-open time range [from, to) in epoch milliseconds; bounds may be given as epoch milliseconds or date strings. */
public record TimeRange(long from, long to) {

    private static final DateFormatter DATES = DateFormatter.forPattern("strict_date_optional_time||epoch_millis");

    public TimeRange {
        if (from >= to) {
            throw new IllegalArgumentException("time range is empty: [from] " + from + " must be before [to] " + to);
        }
    }

    /** Reads {@code from} and {@code to} of {@code fields}; both required. */
    public static TimeRange read(ConfigFields fields) {
        long from = time(fields, "from");
        long to = time(fields, "to");
        if (from >= to) {
            throw new IllegalArgumentException("[" + fields.name("from") + "] must be before [" + fields.name("to") + "]: the range is empty");
        }
        return new TimeRange(from, to);
    }

    /** One bound: a number of epoch milliseconds or a date string. */
    public static long time(ConfigFields fields, String field) {
        Object value = fields.raw(field);
        if (value == null) {
            throw new IllegalArgumentException("[" + fields.name(field) + "] is required: epoch milliseconds or a date such as 2026-11-01T00:00:00Z");
        }
        return parse(value, fields.name(field));
    }

    public static long parse(Object value, String name) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text && text.isBlank() == false) {
            try {
                return DateFormatters.from(DATES.parse(text)).toInstant().toEpochMilli();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("[" + name + "] is not a date or epoch milliseconds: [" + text + "]");
            }
        }
        throw new IllegalArgumentException("[" + name + "] must be epoch milliseconds or a date string, got " + ConfigFields.describe(value));
    }

    public Map<String, Object> toMap() {
        return Map.of("from", from, "to", to);
    }
}
