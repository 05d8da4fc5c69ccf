package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/**
 * A detector's configuration as the user gives it and as it is stored in {@code .plugins-aiops-detectors}: parsed once
 * with {@link #parse}, typed from then on (the source by the type's input, the params by the type).
 */
public record Detector(
    String name,
    String description,
    String type,
    DetectorSource source,
    TrainingSpec training,
    TimeValue interval,
    ThresholdSpec threshold,
    String resultIndex,
    DetectorParams params,
    Map<String, String> classLabels
) implements Writeable, ToXContentObject {

    public static final TimeValue MIN_INTERVAL = TimeValue.timeValueSeconds(1);
    public static final TimeValue MAX_INTERVAL = TimeValue.timeValueDays(1);
    public static final String CREATED_TIME = "created_time";
    public static final String LAST_UPDATE_TIME = "last_update_time";
    static final Set<String> FIELDS = Set.of(
        "name",
        "description",
        "type",
        "source",
        "training",
        "schedule",
        "threshold",
        "result_index",
        "params",
        "class_labels",
        CREATED_TIME,
        LAST_UPDATE_TIME
    );

    public Detector {
        classLabels = Map.copyOf(classLabels);
    }

    /** Parses and validates a configuration; every error is an IllegalArgumentException naming the field. */
    public static Detector parse(XContentParser parser, DetectorTypes types) throws IOException {
        return parse(parser, types, null);
    }

    /**
     * As {@link #parse(XContentParser, DetectorTypes)}; {@code times}, when given, receives the stored document's
     * {@code created_time} and {@code last_update_time} (the user's body may not set them: they are ignored there).
     */
    public static Detector parse(XContentParser parser, DetectorTypes types, Map<String, Long> times) throws IOException {
        Map<String, Object> simple = new LinkedHashMap<>();
        // source and params are read once the type is known, wherever "type" stands in the object
        BytesReference[] deferred = new BytesReference[2];
        ConfigObject.read(parser, "", FIELDS, (field, value) -> {
            switch (field) {
                case "name", "type" -> simple.put(field, value.nonEmptyString());
                case "description", "result_index" -> simple.put(field, value.string());
                case "source" -> deferred[0] = copy(value, "an object");
                case "params" -> deferred[1] = copy(value, "an object");
                case "training" -> simple.put(field, TrainingSpec.parse(parser, "training"));
                case "threshold" -> simple.put(field, ThresholdSpec.parse(parser, "threshold"));
                case "schedule" -> value.object(Set.of("interval"), (f, v) -> simple.put("interval", interval(v)));
                case "class_labels" -> simple.put(field, classLabels(value));
                case CREATED_TIME, LAST_UPDATE_TIME -> {
                    long time = value.time();
                    if (times != null) {
                        times.put(field, time);
                    }
                }
                default -> throw new IllegalStateException(field);
            }
        });
        String name = required(simple, "name", "and must be a non-empty string");
        if (name.length() > 256) {
            throw new IllegalArgumentException("[name] may have at most 256 characters");
        }
        DetectorType<?> type = types.get(required(simple, "type", "and must be a non-empty string"), "type");
        if (deferred[0] == null) {
            throw ConfigObject.required("source", "indices, time_field and fields");
        }
        DetectorSource source;
        try (XContentParser sourceParser = reparse(parser, deferred[0])) {
            source = type.input().parseSource(sourceParser, "source");
        }
        if (simple.get("training") == null) {
            throw ConfigObject.required("training", "the time range and/or query of normal data");
        }
        DetectorParams params;
        if (deferred[1] == null) {
            params = type.defaultParams();
        } else {
            try (XContentParser paramsParser = reparse(parser, deferred[1])) {
                params = type.parseParams(paramsParser);
            }
        }
        String resultIndex = (String) simple.getOrDefault("result_index", AiopsIndices.RESULTS);
        if (resultIndex.startsWith(AiopsIndices.RESULTS) == false || resultIndex.matches("[a-z0-9_.-]+") == false || resultIndex.length() > 200) {
            throw new IllegalArgumentException(
                "[result_index] must be a lowercase index name starting with [" + AiopsIndices.RESULTS + "], got [" + resultIndex + "]"
            );
        }
        @SuppressWarnings("unchecked")
        Map<String, String> labels = (Map<String, String>) simple.getOrDefault("class_labels", Map.of());
        return new Detector(
            name,
            (String) simple.getOrDefault("description", ""),
            type.name(),
            source,
            (TrainingSpec) simple.get("training"),
            (TimeValue) simple.getOrDefault("interval", TimeValue.timeValueMinutes(1)),
            (ThresholdSpec) simple.getOrDefault("threshold", ThresholdSpec.DEFAULT),
            resultIndex,
            params,
            labels
        );
    }

    /** The detector's JSON, parsed again (a stored document). */
    public static Detector parse(BytesReference json, XContentParser context, DetectorTypes types) throws IOException {
        try (XContentParser parser = reparse(context, json)) {
            return parse(parser, types);
        }
    }

    private static String required(Map<String, Object> simple, String field, String what) {
        Object value = simple.get(field);
        if (value == null) {
            throw new IllegalArgumentException("[" + field + "] is required " + what);
        }
        return (String) value;
    }

    private static BytesReference copy(ConfigValue value, String expected) throws IOException {
        if (value.parser().currentToken() != XContentParser.Token.START_OBJECT) {
            throw value.wrongType(expected);
        }
        try (XContentBuilder builder = XContentFactory.jsonBuilder()) {
            builder.copyCurrentStructure(value.parser());
            return BytesReference.bytes(builder);
        }
    }

    /** A parser over {@code json} with the same registry of queries as {@code context}. */
    static XContentParser reparse(XContentParser context, BytesReference json) throws IOException {
        return JsonXContent.jsonXContent.createParser(context.getXContentRegistry(), DeprecationHandler.IGNORE_DEPRECATIONS, json.streamInput());
    }

    /** Names users give to the anomaly classes of classifying detectors: class id → label. */
    private static Map<String, String> classLabels(ConfigValue value) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        value.object(null, (classId, label) -> {
            String text = label.parser().currentToken() == XContentParser.Token.VALUE_STRING ? label.parser().text() : null;
            if (text == null || text.length() > 256) {
                throw new IllegalArgumentException(
                    "[" + label.name() + "] must be a string of at most 256 characters, got " + ConfigValue.describe(label.parser())
                );
            }
            labels.put(classId, text);
        });
        return labels;
    }

    private static TimeValue interval(ConfigValue value) throws IOException {
        TimeValue interval = value.timeValue();
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("[" + value.name() + "] must be between 1s and 1d, got [" + interval.getStringRep() + "]");
        }
        return interval;
    }

    public Detector(StreamInput in) throws IOException {
        this(
            in.readString(),
            in.readString(),
            in.readString(),
            in.readEnum(DetectorInput.class).readSource(in),
            new TrainingSpec(in),
            in.readTimeValue(),
            new ThresholdSpec(in),
            in.readString(),
            in.readNamedWriteable(DetectorParams.class),
            in.readMap(StreamInput::readString, StreamInput::readString)
        );
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(name);
        out.writeString(description);
        out.writeString(type);
        out.writeEnum(source.input());
        source.writeTo(out);
        training.writeTo(out);
        out.writeTimeValue(interval);
        threshold.writeTo(out);
        out.writeString(resultIndex);
        out.writeNamedWriteable(params);
        out.writeMap(classLabels, StreamOutput::writeString, StreamOutput::writeString);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params xParams) throws IOException {
        builder.startObject();
        fields(builder, xParams);
        return builder.endObject();
    }

    /** The configuration's fields, for a document that adds its own (the stored times). */
    public XContentBuilder fields(XContentBuilder builder, Params xParams) throws IOException {
        builder.field("name", name).field("description", description).field("type", type);
        builder.field("source", source, xParams);
        builder.field("training", training, xParams);
        builder.startObject("schedule").field("interval", interval.getStringRep()).endObject();
        builder.field("threshold", threshold, xParams);
        builder.field("result_index", resultIndex);
        builder.field("params", params, xParams);
        if (classLabels.isEmpty() == false) {
            builder.field("class_labels", new java.util.TreeMap<>(classLabels));
        }
        return builder;
    }

    /** This configuration with other class labels (labels change nothing the model or the job depends on). */
    public Detector withClassLabels(Map<String, String> labels) {
        return new Detector(name, description, type, source, training, interval, threshold, resultIndex, params, labels);
    }
}
