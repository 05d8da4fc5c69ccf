package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryBuilder;

/** The source of a {@link DetectorInput#METRIC} detector: indices, time field, optional filter, feature and entity fields. */
public record MetricSource(List<String> indices, String timeField, QueryBuilder filter, List<String> fields, List<String> entityFields)
    implements
        DetectorSource {

    public static final int MAX_FIELDS = 32;
    public static final int MAX_ENTITY_FIELDS = 5;
    static final Set<String> FIELDS = Set.of("indices", "time_field", "filter", "fields", "entity_fields");

    public MetricSource {
        indices = List.copyOf(indices);
        fields = List.copyOf(fields);
        entityFields = List.copyOf(entityFields);
    }

    public static MetricSource parse(XContentParser parser, String path) throws IOException {
        List<List<String>> lists = new ArrayList<>(List.of(List.of(), List.of(), List.of()));
        String[] timeField = new String[1];
        QueryBuilder[] filter = new QueryBuilder[1];
        ConfigObject.read(parser, path, FIELDS, (field, value) -> {
            switch (field) {
                case "indices" -> lists.set(0, value.stringList());
                case "fields" -> lists.set(1, value.stringList());
                case "entity_fields" -> lists.set(2, value.stringList());
                case "time_field" -> timeField[0] = value.nonEmptyString();
                case "filter" -> filter[0] = value.query();
                default -> throw new IllegalStateException(field);
            }
        });
        List<String> indices = lists.get(0);
        List<String> fields = lists.get(1);
        List<String> entityFields = lists.get(2);
        String name = path + ".";
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("[" + name + "indices] is required: one or more index names or patterns");
        }
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("[" + name + "fields] must name between 1 and " + MAX_FIELDS + " numeric fields, got " + fields.size());
        }
        if (entityFields.size() > MAX_ENTITY_FIELDS) {
            throw new IllegalArgumentException("[" + name + "entity_fields] may name at most " + MAX_ENTITY_FIELDS + " fields");
        }
        if (Set.copyOf(fields).size() != fields.size()) {
            throw new IllegalArgumentException("[" + name + "fields] names a field twice: " + fields);
        }
        for (String entityField : entityFields) {
            if (fields.contains(entityField)) {
                throw new IllegalArgumentException(
                    "[" + name + "entity_fields] field [" + entityField + "] is also a feature in [" + name + "fields]"
                );
            }
        }
        if (timeField[0] == null) {
            throw new IllegalArgumentException("[" + name + "time_field] is required and must be a non-empty string");
        }
        return new MetricSource(indices, timeField[0], filter[0], fields, entityFields);
    }

    public MetricSource(StreamInput in) throws IOException {
        this(in.readStringList(), in.readString(), in.readOptionalNamedWriteable(QueryBuilder.class), in.readStringList(), in.readStringList());
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
