/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.config;

import java.io.IOException;
import java.util.Set;

import org.opensearch.common.time.DateFormatter;
import org.opensearch.common.time.DateFormatters;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentFragment;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/**
 * A half-open time range [from, to) in epoch milliseconds; bounds may be given as epoch
 * milliseconds or date strings.
 */
public record TimeRange(long from, long to) implements Writeable, ToXContentFragment {

    private static final DateFormatter DATES =
            DateFormatter.forPattern("strict_date_optional_time||epoch_millis");
    static final Set<String> FIELDS = Set.of("from", "to");

    public TimeRange {
        if (from >= to) {
            throw new IllegalArgumentException(
                    "time range is empty: [from] " + from + " must be before [to] " + to);
        }
    }

    public TimeRange(StreamInput in) throws IOException {
        this(in.readLong(), in.readLong());
    }

    /** Reads an object of {@code from} and {@code to}, both required. */
    public static TimeRange parse(XContentParser parser, String path) throws IOException {
        ConfigParser in = ConfigParser.start(parser, path);
        Long from = null;
        Long to = null;
        for (String field = in.nextField(FIELDS); field != null; field = in.nextField(FIELDS)) {
            if (field.equals("from")) {
                from = in.instant(field);
            } else {
                to = in.instant(field);
            }
        }
        return of(from, to, path);
    }

    /**
     * A range from bounds read elsewhere (null when absent); the errors name {@code path.from} and
     * {@code path.to}.
     */
    public static TimeRange of(Long from, Long to, String path) {
        String fromName = path.isEmpty() ? "from" : path + ".from";
        String toName = path.isEmpty() ? "to" : path + ".to";
        String missing = from == null ? fromName : to == null ? toName : null;
        if (missing != null) {
            throw new IllegalArgumentException(
                    "["
                            + missing
                            + "] is required: epoch milliseconds or a date such as 2026-11-01T00:00:00Z");
        }
        if (from >= to) {
            throw new IllegalArgumentException(
                    "[" + fromName + "] must be before [" + toName + "]: the range is empty");
        }
        return new TimeRange(from, to);
    }

    /** A date string or epoch milliseconds as text; errors name {@code name}. */
    public static long parse(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "["
                            + name
                            + "] must be epoch milliseconds or a date string, got an empty string");
        }
        try {
            return DateFormatters.from(DATES.parse(text)).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "[" + name + "] is not a date or epoch milliseconds: [" + text + "]");
        }
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeLong(from);
        out.writeLong(to);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.field("from", from).field("to", to);
    }
}
