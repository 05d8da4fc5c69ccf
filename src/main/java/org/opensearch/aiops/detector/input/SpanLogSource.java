/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.opensearch.aiops.config.ConfigParser;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/**
 * Where a {@code spans} detector finds the logs its spans emitted ({@code source.logs}): log
 * documents carrying trace and span ids, templated by the {@code log_template} processor. The
 * defaults are what {@code ./aiops import nezha} writes.
 *
 * @param indices log indices or patterns
 * @param timeField the date field ranges and ordering use
 * @param traceIdField the field holding the trace id of the span that logged
 * @param spanIdField the field holding that span's id
 * @param templateField the template value attached to the span's event
 * @param lag how far after a range's end logs are read: a span starting just before the end logs
 *     after it
 */
public record SpanLogSource(
        List<String> indices,
        String timeField,
        String traceIdField,
        String spanIdField,
        String templateField,
        TimeValue lag)
        implements Writeable, ToXContentObject {

    public static final String INDICES = "indices";
    public static final String TIME_FIELD = "time_field";
    public static final String TRACE_ID_FIELD = "trace_id_field";
    public static final String SPAN_ID_FIELD = "span_id_field";
    public static final String TEMPLATE_FIELD = "template_field";
    public static final String LAG = "lag";
    private static final Set<String> FIELDS =
            Set.of(INDICES, TIME_FIELD, TRACE_ID_FIELD, SPAN_ID_FIELD, TEMPLATE_FIELD, LAG);

    public static final List<String> DEFAULT_INDICES = List.of("nezha-logs");
    public static final String DEFAULT_TIME_FIELD = "@timestamp";
    public static final String DEFAULT_TRACE_ID_FIELD = "trace_id";
    public static final String DEFAULT_SPAN_ID_FIELD = "span_id";
    public static final String DEFAULT_TEMPLATE_FIELD = SequenceInput.DEFAULT_TEMPLATE_FIELD;
    public static final TimeValue DEFAULT_LAG = TimeValue.timeValueMinutes(1);
    private static final TimeValue MAX_LAG = TimeValue.timeValueHours(1);

    public SpanLogSource {
        indices = List.copyOf(indices);
        Objects.requireNonNull(timeField, TIME_FIELD);
        Objects.requireNonNull(traceIdField, TRACE_ID_FIELD);
        Objects.requireNonNull(spanIdField, SPAN_ID_FIELD);
        Objects.requireNonNull(templateField, TEMPLATE_FIELD);
        Objects.requireNonNull(lag, LAG);
    }

    public static SpanLogSource defaults() {
        return new SpanLogSource(
                DEFAULT_INDICES,
                DEFAULT_TIME_FIELD,
                DEFAULT_TRACE_ID_FIELD,
                DEFAULT_SPAN_ID_FIELD,
                DEFAULT_TEMPLATE_FIELD,
                DEFAULT_LAG);
    }

    /**
     * Parses the object the parser is on; {@code path} names it in errors ({@code source.logs}).
     */
    public static SpanLogSource parse(XContentParser parser, String path) throws IOException {
        ConfigParser in = ConfigParser.start(parser, path);
        SpanLogSource d = defaults();
        List<String> indices = d.indices;
        String timeField = d.timeField;
        String traceIdField = d.traceIdField;
        String spanIdField = d.spanIdField;
        String templateField = d.templateField;
        TimeValue lag = d.lag;
        for (String field = in.nextField(FIELDS); field != null; field = in.nextField(FIELDS)) {
            switch (field) {
                case INDICES -> indices = in.strings(field);
                case TIME_FIELD -> timeField = in.string(field);
                case TRACE_ID_FIELD -> traceIdField = in.string(field);
                case SPAN_ID_FIELD -> spanIdField = in.string(field);
                case TEMPLATE_FIELD -> templateField = in.string(field);
                case LAG -> lag = in.duration(field, TimeValue.ZERO, MAX_LAG);
                default -> throw new AssertionError(field);
            }
        }
        if (indices.isEmpty()) {
            throw new IllegalArgumentException(
                    "[" + in.name(INDICES) + "] must name at least one index or pattern");
        }
        return new SpanLogSource(indices, timeField, traceIdField, spanIdField, templateField, lag);
    }

    /** The ids and the template must be mapped for the join to find anything. */
    MappedFields mappedFields(String path) {
        return new MappedFields(
                path,
                indices,
                timeField,
                List.of(),
                Map.of(
                        TRACE_ID_FIELD, traceIdField,
                        SPAN_ID_FIELD, spanIdField,
                        TEMPLATE_FIELD, templateField),
                List.of());
    }

    public SpanLogSource(StreamInput in) throws IOException {
        this(
                in.readStringList(),
                in.readString(),
                in.readString(),
                in.readString(),
                in.readString(),
                in.readTimeValue());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeStringCollection(indices);
        out.writeString(timeField);
        out.writeString(traceIdField);
        out.writeString(spanIdField);
        out.writeString(templateField);
        out.writeTimeValue(lag);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field(INDICES, indices)
                .field(TIME_FIELD, timeField)
                .field(TRACE_ID_FIELD, traceIdField)
                .field(SPAN_ID_FIELD, spanIdField)
                .field(TEMPLATE_FIELD, templateField)
                .field(LAG, lag.getStringRep())
                .endObject();
    }
}
