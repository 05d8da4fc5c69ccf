package org.opensearch.aiops.detector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.common.unit.TimeValue;

/** A detector's configuration as the user gives it and as it is stored in {@code .plugins-aiops-detectors}. */
public record Detector(
    String name,
    String description,
    String type,
    DetectorSource source,
    TrainingSpec training,
    TimeValue interval,
    ThresholdSpec threshold,
    String resultIndex,
    Map<String, Object> params,
    Map<String, String> classLabels
) {

    public static final TimeValue MIN_INTERVAL = TimeValue.timeValueSeconds(1);
    public static final TimeValue MAX_INTERVAL = TimeValue.timeValueDays(1);
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
        "created_time",
        "last_update_time"
    );

    /** Parses and validates a configuration; every error is an IllegalArgumentException naming the field. */
    public static Detector parse(Map<String, Object> body, DetectorTypes types) {
        ConfigFields fields = new ConfigFields("", body, FIELDS);
        String name = fields.requiredString("name");
        if (name.length() > 256) {
            throw new IllegalArgumentException("[name] may have at most 256 characters");
        }
        DetectorType type = types.get(fields.requiredString("type"), "type");
        if (fields.has("source") == false) {
            throw new IllegalArgumentException("[source] is required: indices, time_field and fields");
        }
        DetectorSource source = DetectorSource.read(fields.object("source", DetectorSource.FIELDS));
        if (fields.has("training") == false) {
            throw new IllegalArgumentException("[training] is required: the time range and/or query of normal data");
        }
        TrainingSpec training = TrainingSpec.read(fields.object("training", TrainingSpec.FIELDS));
        ConfigFields schedule = fields.object("schedule", Set.of("interval"));
        TimeValue interval = interval(schedule);
        ThresholdSpec threshold = fields.has("threshold") ? ThresholdSpec.read(fields.object("threshold", ThresholdSpec.FIELDS)) : ThresholdSpec.DEFAULT;
        String resultIndex = fields.optionalString("result_index", AiopsIndices.RESULTS);
        if (resultIndex.startsWith(AiopsIndices.RESULTS) == false || resultIndex.matches("[a-z0-9_.-]+") == false || resultIndex.length() > 200) {
            throw new IllegalArgumentException(
                "[result_index] must be a lowercase index name starting with [" + AiopsIndices.RESULTS + "], got [" + resultIndex + "]"
            );
        }
        Map<String, Object> params = type.params(fields.optionalMap("params"), source);
        return new Detector(
            name,
            fields.optionalString("description", ""),
            type.name(),
            source,
            training,
            interval,
            threshold,
            resultIndex,
            params,
            classLabels(fields)
        );
    }

    /** Names users give to the anomaly classes of classifying detectors: class id → label. */
    private static Map<String, String> classLabels(ConfigFields fields) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : fields.optionalMap("class_labels").entrySet()) {
            if (entry.getValue() instanceof String label && label.length() <= 256) {
                labels.put(entry.getKey(), label);
            } else {
                throw new IllegalArgumentException(
                    "[class_labels." + entry.getKey() + "] must be a string of at most 256 characters, got " + ConfigFields.describe(entry.getValue())
                );
            }
        }
        return labels;
    }

    private static TimeValue interval(ConfigFields schedule) {
        String text = schedule.optionalString("interval", "1m");
        TimeValue interval;
        try {
            interval = TimeValue.parseTimeValue(text, schedule.name("interval"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("[" + schedule.name("interval") + "] must be a time such as 30s, 1m or 1h, got [" + text + "]");
        }
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("[" + schedule.name("interval") + "] must be between 1s and 1d, got [" + text + "]");
        }
        return interval;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("description", description);
        map.put("type", type);
        map.put("source", source.toMap());
        map.put("training", training.toMap());
        map.put("schedule", Map.of("interval", interval.getStringRep()));
        map.put("threshold", threshold.toMap());
        map.put("result_index", resultIndex);
        map.put("params", params);
        if (classLabels.isEmpty() == false) {
            map.put("class_labels", classLabels);
        }
        return map;
    }
}
