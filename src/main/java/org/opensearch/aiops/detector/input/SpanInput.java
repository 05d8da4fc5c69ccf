/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.opensearch.aiops.config.ConfigParser;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryBuilder;

/**
 * Where and how a {@code spans} detector reads Jaeger span documents (see {@link CallEvents} for
 * what becomes an event).
 *
 * @param indices span indices or patterns
 * @param timeField the date field ranges and sorting use
 * @param instanceTags process tags naming the instance (pod, process); the first one a span's
 *     process has wins
 * @param tags span tags copied onto each event as strings
 * @param codeContextField where the {@code code_context} processor wrote its output
 * @param parentMargin how far before a range's start spans are read only to find the parents of its
 *     first spans
 * @param filter a query every read applies, or null
 * @param logs where the logs of the spans are, to attach their templates to the events; null: not
 *     joined
 * @param kpis where the instances' KPIs are, to attach them to the events; null: not joined
 */
public record SpanInput(
        List<String> indices,
        String timeField,
        List<String> instanceTags,
        List<String> tags,
        String codeContextField,
        TimeValue parentMargin,
        QueryBuilder filter,
        SpanLogSource logs,
        PodKpiSource kpis)
        implements DetectorSource {

    public static final String INDICES = "indices";
    public static final String TIME_FIELD = "time_field";
    public static final String INSTANCE_TAG = "instance_tag";
    public static final String TAGS = "tags";
    public static final String CODE_CONTEXT_FIELD = "code_context_field";
    public static final String PARENT_MARGIN = "parent_margin";
    public static final String FILTER = "filter";
    public static final String LOGS = "logs";
    public static final String KPIS = "kpis";
    private static final Set<String> FIELDS =
            Set.of(
                    INDICES,
                    TIME_FIELD,
                    INSTANCE_TAG,
                    TAGS,
                    CODE_CONTEXT_FIELD,
                    PARENT_MARGIN,
                    FILTER,
                    LOGS,
                    KPIS);

    public static final List<String> DEFAULT_INDICES = List.of("jaeger-span-*");
    public static final String DEFAULT_TIME_FIELD = "startTimeMillis";

    /**
     * Kubernetes pod first (the Nezha importer and OpenTelemetry's k8s detector), then Jaeger
     * clients' and OTel's host tags.
     */
    public static final List<String> DEFAULT_INSTANCE_TAGS =
            List.of("k8s.pod.name", "service.instance.id", "hostname", "host.name", "ip");

    public static final List<String> DEFAULT_TAGS =
            List.of("span.kind", "http.method", "http.status_code", "otel.status_code", "error");
    public static final String DEFAULT_CODE_CONTEXT_FIELD = "code_context";
    public static final TimeValue DEFAULT_PARENT_MARGIN = TimeValue.timeValueMinutes(1);
    private static final TimeValue MAX_PARENT_MARGIN = TimeValue.timeValueHours(1);

    public SpanInput {
        indices = List.copyOf(indices);
        instanceTags = List.copyOf(instanceTags);
        tags = List.copyOf(tags);
        Objects.requireNonNull(timeField, TIME_FIELD);
        Objects.requireNonNull(codeContextField, CODE_CONTEXT_FIELD);
        Objects.requireNonNull(parentMargin, PARENT_MARGIN);
    }

    /** Every default, no filter, no joins. */
    public static SpanInput defaults() {
        return new SpanInput(
                DEFAULT_INDICES,
                DEFAULT_TIME_FIELD,
                DEFAULT_INSTANCE_TAGS,
                DEFAULT_TAGS,
                DEFAULT_CODE_CONTEXT_FIELD,
                DEFAULT_PARENT_MARGIN,
                null,
                null,
                null);
    }

    /**
     * Parses the object the parser is on (or starts); {@code path} prefixes field names in errors,
     * e.g. {@code source}.
     */
    public static SpanInput parse(XContentParser parser, String path) throws IOException {
        ConfigParser in = ConfigParser.start(parser, path);
        SpanInput d = defaults();
        List<String> indices = d.indices;
        String timeField = d.timeField;
        List<String> instanceTags = d.instanceTags;
        List<String> tags = d.tags;
        String codeContextField = d.codeContextField;
        TimeValue parentMargin = d.parentMargin;
        QueryBuilder filter = null;
        SpanLogSource logs = null;
        PodKpiSource kpis = null;
        for (String field = in.nextField(FIELDS); field != null; field = in.nextField(FIELDS)) {
            switch (field) {
                case INDICES -> indices = in.strings(field);
                case TIME_FIELD -> timeField = in.string(field);
                case INSTANCE_TAG -> instanceTags = in.strings(field);
                case TAGS -> tags = in.strings(field);
                case CODE_CONTEXT_FIELD -> codeContextField = in.string(field);
                case PARENT_MARGIN ->
                        parentMargin = in.duration(field, TimeValue.ZERO, MAX_PARENT_MARGIN);
                case FILTER -> filter = in.query(field);
                case LOGS -> logs = SpanLogSource.parse(in.parser(), in.name(field));
                case KPIS -> kpis = PodKpiSource.parse(in.parser(), in.name(field));
                default -> throw new AssertionError(field);
            }
        }
        if (indices.isEmpty()) {
            throw new IllegalArgumentException(
                    "[" + in.name(INDICES) + "] must name at least one index or pattern");
        }
        if (instanceTags.isEmpty()) {
            throw new IllegalArgumentException(
                    "[" + in.name(INSTANCE_TAG) + "] must name at least one process tag");
        }
        return new SpanInput(
                indices,
                timeField,
                instanceTags,
                tags,
                codeContextField,
                parentMargin,
                filter,
                logs,
                kpis);
    }

    public SpanInput(StreamInput in) throws IOException {
        this(
                in.readStringList(),
                in.readString(),
                in.readStringList(),
                in.readStringList(),
                in.readString(),
                in.readTimeValue(),
                in.readOptionalNamedWriteable(QueryBuilder.class),
                in.readOptionalWriteable(SpanLogSource::new),
                in.readOptionalWriteable(PodKpiSource::new));
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeStringCollection(indices);
        out.writeString(timeField);
        out.writeStringCollection(instanceTags);
        out.writeStringCollection(tags);
        out.writeString(codeContextField);
        out.writeTimeValue(parentMargin);
        out.writeOptionalNamedWriteable(filter);
        out.writeOptionalWriteable(logs);
        out.writeOptionalWriteable(kpis);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        builder.field(INDICES, indices);
        builder.field(TIME_FIELD, timeField);
        builder.field(INSTANCE_TAG, instanceTags);
        builder.field(TAGS, tags);
        builder.field(CODE_CONTEXT_FIELD, codeContextField);
        builder.field(PARENT_MARGIN, parentMargin.getStringRep());
        if (filter != null) {
            builder.field(FILTER, filter);
        }
        if (logs != null) {
            builder.field(LOGS, logs);
        }
        if (kpis != null) {
            builder.field(KPIS, kpis);
        }
        return builder.endObject();
    }

    @Override
    public DetectorInput input() {
        return DetectorInput.SPANS;
    }

    /** Spans carry no numbers a mapping must type: durations are Jaeger's own fields. */
    @Override
    public List<String> numericFields() {
        return List.of();
    }

    /** Instances come from process tags, not from entity fields. */
    @Override
    public List<String> entityFields() {
        return List.of();
    }

    /** The spans' time field, and the fields of each configured join. */
    @Override
    public List<MappedFields> mappedFields() {
        List<MappedFields> fields = new ArrayList<>(DetectorSource.super.mappedFields());
        if (logs != null) {
            fields.add(logs.mappedFields("source." + LOGS));
        }
        if (kpis != null) {
            fields.add(kpis.mappedFields("source." + KPIS));
        }
        return List.copyOf(fields);
    }

    /**
     * This source reading only what {@code query} also matches (training's query), or itself when
     * null.
     */
    public SpanInput withQuery(QueryBuilder query) {
        if (query == null) {
            return this;
        }
        // Only the spans are narrowed: the joins attach whatever the selected spans logged.
        QueryBuilder narrowed = DetectorSource.narrow(filter, query);
        return new SpanInput(
                indices,
                timeField,
                instanceTags,
                tags,
                codeContextField,
                parentMargin,
                narrowed,
                logs,
                kpis);
    }
}
