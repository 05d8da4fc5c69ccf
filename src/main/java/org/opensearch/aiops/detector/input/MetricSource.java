/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.opensearch.aiops.config.ConfigParser;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryBuilder;

/**
 * The source of a {@link DetectorInput#METRIC} detector: indices, time field, optional filter,
 * feature and entity fields.
 */
public record MetricSource(
        List<String> indices,
        String timeField,
        QueryBuilder filter,
        List<String> fields,
        List<String> entityFields)
        implements DetectorSource {

    public static final int MAX_FIELDS = 32;
    public static final int MAX_ENTITY_FIELDS = 5;
    static final Set<String> FIELDS =
            Set.of("indices", "time_field", "filter", "fields", "entity_fields");

    public MetricSource {
        indices = List.copyOf(indices);
        fields = List.copyOf(fields);
        entityFields = List.copyOf(entityFields);
    }

    public static MetricSource parse(XContentParser parser, String path) throws IOException {
        ConfigParser in = ConfigParser.start(parser, path);
        List<String> indices = List.of();
        List<String> fields = List.of();
        List<String> entityFields = List.of();
        String timeField = null;
        QueryBuilder filter = null;
        for (String field = in.nextField(FIELDS); field != null; field = in.nextField(FIELDS)) {
            switch (field) {
                case "indices" -> indices = in.strings(field);
                case "fields" -> fields = in.strings(field);
                case "entity_fields" -> entityFields = in.strings(field);
                case "time_field" -> timeField = in.string(field);
                case "filter" -> filter = in.query(field);
                default -> throw new AssertionError(field);
            }
        }
        String name = path + ".";
        if (indices.isEmpty()) {
            throw new IllegalArgumentException(
                    "[" + name + "indices] is required: one or more index names or patterns");
        }
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException(
                    "["
                            + name
                            + "fields] must name between 1 and "
                            + MAX_FIELDS
                            + " numeric fields, got "
                            + fields.size());
        }
        if (entityFields.size() > MAX_ENTITY_FIELDS) {
            throw new IllegalArgumentException(
                    "["
                            + name
                            + "entity_fields] may name at most "
                            + MAX_ENTITY_FIELDS
                            + " fields");
        }
        if (Set.copyOf(fields).size() != fields.size()) {
            throw new IllegalArgumentException(
                    "[" + name + "fields] names a field twice: " + fields);
        }
        for (String entityField : entityFields) {
            if (fields.contains(entityField)) {
                throw new IllegalArgumentException(
                        "["
                                + name
                                + "entity_fields] field ["
                                + entityField
                                + "] is also a feature in ["
                                + name
                                + "fields]");
            }
        }
        if (timeField == null) {
            throw new IllegalArgumentException(
                    "[" + name + "time_field] is required and must be a non-empty string");
        }
        return new MetricSource(indices, timeField, filter, fields, entityFields);
    }

    public MetricSource(StreamInput in) throws IOException {
        this(
                in.readStringList(),
                in.readString(),
                in.readOptionalNamedWriteable(QueryBuilder.class),
                in.readStringList(),
                in.readStringList());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeStringCollection(indices);
        out.writeString(timeField);
        out.writeOptionalNamedWriteable(filter);
        out.writeStringCollection(fields);
        out.writeStringCollection(entityFields);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        builder.field("indices", indices);
        builder.field("time_field", timeField);
        if (filter != null) {
            builder.field("filter", filter);
        }
        builder.field("fields", fields);
        builder.field("entity_fields", entityFields);
        return builder.endObject();
    }

    @Override
    public DetectorInput input() {
        return DetectorInput.METRIC;
    }

    @Override
    public List<String> numericFields() {
        return fields;
    }
}
