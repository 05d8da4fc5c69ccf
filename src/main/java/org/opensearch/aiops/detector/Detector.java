/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.opensearch.aiops.config.ConfigParser;
import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.aiops.detector.input.DetectorSource;
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
 * A detector's configuration as the user gives it and as it is stored in {@code
 * .plugins-aiops-detectors}: parsed once with {@link #parse}, typed from then on (the source by the
 * type's input, the params by the type).
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
        Map<String, String> classLabels)
        implements Writeable, ToXContentObject {

    public static final TimeValue MIN_INTERVAL = TimeValue.timeValueSeconds(1);
    public static final TimeValue MAX_INTERVAL = TimeValue.timeValueDays(1);
    public static final String CREATED_TIME = "created_time";
    public static final String LAST_UPDATE_TIME = "last_update_time";
    static final Set<String> FIELDS =
            Set.of(
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
                    LAST_UPDATE_TIME);

    public Detector {
        classLabels = Map.copyOf(classLabels);
    }

    /**
     * Parses and validates a configuration; every error is an IllegalArgumentException naming the
     * field.
     */
    public static Detector parse(XContentParser parser, DetectorTypes types) throws IOException {
        return parse(parser, types, null);
    }

    /**
     * As {@link #parse(XContentParser, DetectorTypes)}; {@code times}, when given, receives the
     * stored document's {@code created_time} and {@code last_update_time} (the user's body may not
     * set them: they are ignored there).
     */
    public static Detector parse(
            XContentParser parser, DetectorTypes types, Map<String, Long> times)
            throws IOException {
        ConfigParser in = ConfigParser.start(parser, "");
        String name = null;
        String typeName = null;
        String description = "";
        String resultIndex = AiopsIndices.RESULTS;
        TrainingSpec training = null;
        ThresholdSpec threshold = ThresholdSpec.DEFAULT;
        TimeValue interval = TimeValue.timeValueMinutes(1);
        Map<String, String> labels = Map.of();
        // source and params are read once the type is known, wherever "type" stands in the object
        BytesReference source = null;
        BytesReference params = null;
        for (String field = in.nextField(FIELDS); field != null; field = in.nextField(FIELDS)) {
            switch (field) {
                case "name" -> name = in.string(field);
                case "type" -> typeName = in.string(field);
                case "description" -> description = in.anyString(field);
                case "result_index" -> resultIndex = in.anyString(field);
                case "source" -> source = copy(in, field);
                case "params" -> params = copy(in, field);
                case "training" -> training = TrainingSpec.parse(parser, in.name(field));
                case "threshold" -> threshold = ThresholdSpec.parse(parser, in.name(field));
                case "schedule" -> interval = interval(in.object(field));
                case "class_labels" -> labels = classLabels(in.object(field));
                case CREATED_TIME, LAST_UPDATE_TIME -> {
                    long time = in.instant(field);
                    if (times != null) {
                        times.put(field, time);
                    }
                }
                default -> throw new AssertionError(field);
            }
        }
        if (name == null) {
            throw in.required("name", "a non-empty string");
        }
        if (name.length() > 256) {
            throw new IllegalArgumentException("[name] may have at most 256 characters");
        }
        if (typeName == null) {
            throw in.required("type", "a non-empty string");
        }
        DetectorType<?> type = types.get(typeName, "type");
        if (source == null) {
            throw in.required("source", "indices, time_field and fields");
        }
        DetectorSource parsedSource;
        try (XContentParser sourceParser = reparse(parser, source)) {
            parsedSource = type.input().parseSource(sourceParser, "source");
        }
        if (training == null) {
            throw in.required("training", "the time range and/or query of normal data");
        }
        DetectorParams parsedParams;
        if (params == null) {
            parsedParams = type.defaultParams();
        } else {
            try (XContentParser paramsParser = reparse(parser, params)) {
                parsedParams = type.parseParams(paramsParser);
            }
        }
        if (resultIndex.startsWith(AiopsIndices.RESULTS) == false
                || resultIndex.matches("[a-z0-9_.-]+") == false
                || resultIndex.length() > 200) {
            throw new IllegalArgumentException(
                    "[result_index] must be a lowercase index name starting with ["
                            + AiopsIndices.RESULTS
                            + "], got ["
                            + resultIndex
                            + "]");
        }
        return new Detector(
                name,
                description,
                type.name(),
                parsedSource,
                training,
                interval,
                threshold,
                resultIndex,
                parsedParams,
                labels);
    }

    private static BytesReference copy(ConfigParser in, String field) throws IOException {
        if (in.parser().currentToken() != XContentParser.Token.START_OBJECT) {
            throw in.wrong(field, "an object");
        }
        try (XContentBuilder builder = XContentFactory.jsonBuilder()) {
            builder.copyCurrentStructure(in.parser());
            return BytesReference.bytes(builder);
        }
    }

    /** A parser over {@code json} with the same registry of queries as {@code context}. */
    static XContentParser reparse(XContentParser context, BytesReference json) throws IOException {
        return JsonXContent.jsonXContent.createParser(
                context.getXContentRegistry(),
                DeprecationHandler.IGNORE_DEPRECATIONS,
                json.streamInput());
    }

    /** Names users give to the anomaly classes of classifying detectors: class id → label. */
    private static Map<String, String> classLabels(ConfigParser labels) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        for (String classId = labels.nextAnyField();
                classId != null;
                classId = labels.nextAnyField()) {
            String text =
                    labels.parser().currentToken() == XContentParser.Token.VALUE_STRING
                            ? labels.parser().text()
                            : null;
            if (text == null || text.length() > 256) {
                throw labels.wrong(classId, "a string of at most 256 characters");
            }
            result.put(classId, text);
        }
        return result;
    }

    private static TimeValue interval(ConfigParser schedule) throws IOException {
        TimeValue interval = TimeValue.timeValueMinutes(1);
        for (String field = schedule.nextField(Set.of("interval"));
                field != null;
                field = schedule.nextField(Set.of("interval"))) {
            interval = schedule.duration(field, MIN_INTERVAL, MAX_INTERVAL);
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
                in.readMap(StreamInput::readString, StreamInput::readString));
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

    /**
     * This configuration with other class labels (labels change nothing the model or the job
     * depends on).
     */
    public Detector withClassLabels(Map<String, String> labels) {
        return new Detector(
                name,
                description,
                type,
                source,
                training,
                interval,
                threshold,
                resultIndex,
                params,
                labels);
    }
}
