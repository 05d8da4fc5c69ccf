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
 * Where a {@code spans} detector finds each instance's KPIs ({@code source.kpis}): per-pod metric
 * documents, about one a minute. The defaults are what {@code ./aiops import nezha} writes from
 * {@code metric/<pod>_metric.csv.gz}: one field per KPI family (CPU, memory, network, latency).
 *
 * @param indices metric indices or patterns
 * @param timeField the date field of a sample
 * @param instanceField the field naming the instance, matched with the spans' instance tag
 * @param fields the numeric KPI fields, in the order events carry them
 * @param lookBack how old the latest sample of an instance may be at the end of an event's minute
 */
public record PodKpiSource(
        List<String> indices,
        String timeField,
        String instanceField,
        List<String> fields,
        TimeValue lookBack)
        implements Writeable, ToXContentObject {

    public static final String INDICES = "indices";
    public static final String TIME_FIELD = "time_field";
    public static final String INSTANCE_FIELD = "instance_field";
    public static final String KPI_FIELDS = "fields";
    public static final String LOOK_BACK = "look_back";
    private static final Set<String> FIELDS =
            Set.of(INDICES, TIME_FIELD, INSTANCE_FIELD, KPI_FIELDS, LOOK_BACK);

    public static final List<String> DEFAULT_INDICES = List.of("nezha-metrics");
    public static final String DEFAULT_TIME_FIELD = "@timestamp";
    public static final String DEFAULT_INSTANCE_FIELD = "pod";

    /** CPU, memory, network and latency, one field each, as the Nezha importer names them. */
    public static final List<String> DEFAULT_FIELDS =
            List.of(
                    "cpu_usage_rate_pct",
                    "memory_usage_rate_pct",
                    "network_receive_bytes",
                    "pod_server_latency_p90_s");

    /** Two samples' worth: metrics come about once a minute, and one may be late or missing. */
    public static final TimeValue DEFAULT_LOOK_BACK = TimeValue.timeValueMinutes(2);

    private static final TimeValue MIN_LOOK_BACK = TimeValue.timeValueSeconds(1);
    private static final TimeValue MAX_LOOK_BACK = TimeValue.timeValueHours(1);

    public PodKpiSource {
        indices = List.copyOf(indices);
        fields = List.copyOf(fields);
        Objects.requireNonNull(timeField, TIME_FIELD);
        Objects.requireNonNull(instanceField, INSTANCE_FIELD);
        Objects.requireNonNull(lookBack, LOOK_BACK);
    }

    public static PodKpiSource defaults() {
        return new PodKpiSource(
                DEFAULT_INDICES,
                DEFAULT_TIME_FIELD,
                DEFAULT_INSTANCE_FIELD,
                DEFAULT_FIELDS,
                DEFAULT_LOOK_BACK);
    }

    /**
     * Parses the object the parser is on; {@code path} names it in errors ({@code source.kpis}).
     */
    public static PodKpiSource parse(XContentParser parser, String path) throws IOException {
        ConfigParser in = ConfigParser.start(parser, path);
        PodKpiSource d = defaults();
        List<String> indices = d.indices;
        String timeField = d.timeField;
        String instanceField = d.instanceField;
        List<String> fields = d.fields;
        TimeValue lookBack = d.lookBack;
        for (String field = in.nextField(FIELDS); field != null; field = in.nextField(FIELDS)) {
            switch (field) {
                case INDICES -> indices = in.strings(field);
                case TIME_FIELD -> timeField = in.string(field);
                case INSTANCE_FIELD -> instanceField = in.string(field);
                case KPI_FIELDS -> fields = in.strings(field);
                case LOOK_BACK -> lookBack = in.duration(field, MIN_LOOK_BACK, MAX_LOOK_BACK);
                default -> throw new AssertionError(field);
            }
        }
        if (indices.isEmpty()) {
            throw new IllegalArgumentException(
                    "[" + in.name(INDICES) + "] must name at least one index or pattern");
        }
        if (fields.isEmpty() || fields.size() > MetricSource.MAX_FIELDS) {
            throw new IllegalArgumentException(
                    "["
                            + in.name(KPI_FIELDS)
                            + "] must name between 1 and "
                            + MetricSource.MAX_FIELDS
                            + " numeric fields, got "
                            + fields.size());
        }
        if (Set.copyOf(fields).size() != fields.size()) {
            throw new IllegalArgumentException(
                    "[" + in.name(KPI_FIELDS) + "] names a field twice: " + fields);
        }
        return new PodKpiSource(indices, timeField, instanceField, fields, lookBack);
    }

    MappedFields mappedFields(String path) {
        return new MappedFields(
                path, indices, timeField, fields, Map.of(INSTANCE_FIELD, instanceField), List.of());
    }

    public PodKpiSource(StreamInput in) throws IOException {
        this(
                in.readStringList(),
                in.readString(),
                in.readString(),
                in.readStringList(),
                in.readTimeValue());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeStringCollection(indices);
        out.writeString(timeField);
        out.writeString(instanceField);
        out.writeStringCollection(fields);
        out.writeTimeValue(lookBack);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field(INDICES, indices)
                .field(TIME_FIELD, timeField)
                .field(INSTANCE_FIELD, instanceField)
                .field(KPI_FIELDS, fields)
                .field(LOOK_BACK, lookBack.getStringRep())
                .endObject();
    }
}
