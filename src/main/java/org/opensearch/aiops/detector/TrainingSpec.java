package org.opensearch.aiops.detector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The normal data a detector learns from: a time range and/or a query, and at most {@code maxSamples} points. */
public record TrainingSpec(TimeRange range, Map<String, Object> query, int maxSamples) {

    public static final int DEFAULT_MAX_SAMPLES = 100_000;
    public static final int MAX_MAX_SAMPLES = 10_000_000;
    static final Set<String> FIELDS = Set.of("from", "to", "query", "max_samples");

    static TrainingSpec read(ConfigFields training) {
        TimeRange range = training.has("from") || training.has("to") ? TimeRange.read(training) : null;
        Map<String, Object> query = Map.copyOf(training.optionalMap("query"));
        if (range == null && query.isEmpty()) {
            throw new IllegalArgumentException("[training] needs a time range ([training.from], [training.to]) and/or a [training.query] selecting normal data");
        }
        return new TrainingSpec(range, query, training.optionalInt("max_samples", DEFAULT_MAX_SAMPLES, 1, MAX_MAX_SAMPLES));
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (range != null) {
            map.putAll(range.toMap());
        }
        if (query.isEmpty() == false) {
            map.put("query", query);
        }
        map.put("max_samples", maxSamples);
        return map;
    }
}
