package org.opensearch.aiops.detector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.aiops.model.ModelCache;
import org.opensearch.aiops.model.ModelCheckpoints;
import org.opensearch.core.rest.RestStatus;

/**
 * Scores a time range with a trained detector: reads the range (plus enough history before it for the first window),
 * scores every window that ends in the range with its entity's model, and writes one result document per window.
 */
public final class DetectorScorer {

    private final DetectorStore store;
    private final SourceReader reader;
    private final ModelCheckpoints checkpoints;
    private final ModelCache cache;
    private final DetectorTypes types;
    private final ResultIndex results;
    private final LongSupplier clock;

    public DetectorScorer(
        DetectorStore store,
        SourceReader reader,
        ModelCheckpoints checkpoints,
        ModelCache cache,
        DetectorTypes types,
        ResultIndex results,
        LongSupplier clock
    ) {
        this.store = store;
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.cache = cache;
        this.types = types;
        this.results = results;
        this.clock = clock;
    }

    /** Points of history a fresh per-entity scoring state sees before the range (the onset state remembers 100 scores). */
    static final int STATE_WARMUP_POINTS = 100;

    /**
     * Where scoring stands per entity, kept by the real-time job from run to run: the entity's scoring state and the end
     * time of the last window it scored. A history run starts from a new cursor.
     */
    public record Cursor(Map<String, Object> states, Map<String, Long> scoredUntil) {
        public static Cursor fresh() {
            return new Cursor(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    /**
     * Scores the windows that end in [range.from, range.to) and after the entity's last scored window, records the run
     * in the detector's state and returns the run's summary. The job reads a range that reaches back several intervals
     * and so scores points that were indexed late, without scoring a window twice. An entity without a state in the
     * cursor gets a fresh one, first fed the windows before the range. {@code state} is the detector's stored state as
     * the caller has just read it.
     */
    public Map<String, Object> run(DetectorStore.StoredDetector stored, DetectorStore.StoredState state, TimeRange range, Cursor cursor) {
        Map<String, Object> states = cursor.states();
        String id = stored.id();
        Detector detector = stored.detector();
        String name = state.name();
        if (List.of(DetectorState.TRAINED.label(), DetectorState.RUNNING.label(), DetectorState.STOPPED.label()).contains(name) == false) {
            throw new OpenSearchStatusException("detector [" + id + "] has no trained model (state [" + name + "]): call _train first", RestStatus.CONFLICT);
        }
        DetectorType type = types.get(detector.type(), "type");
        int window = type.window(detector.params());
        long step = state.state().get("step_ms") instanceof Number n && n.longValue() > 0 ? n.longValue() : detector.interval().millis();
        long lookback = step * (window + STATE_WARMUP_POINTS + 1) * 2;
        SourceReader.Read read = reader.read(detector, range.from() - lookback, range.to(), Map.of(), Integer.MAX_VALUE);
        Map<String, DetectorModel> models = models(id, type, read.series().keySet());
        long now = clock.getAsLong();
        List<Map<String, Object>> docs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int anomalies = 0;
        int windows = 0;
        int withoutModel = 0;
        for (EntitySeries series : read.series().values()) {
            DetectorModel model = models.get(series.key());
            if (model == null) {
                withoutModel++;
                continue;
            }
            double threshold = model.threshold(detector.threshold());
            boolean fresh = states.containsKey(series.key()) == false;
            Object entityState = fresh ? model.newState() : states.get(series.key());
            if (entityState != null) {
                states.put(series.key(), entityState);
            }
            long scoredUntil = cursor.scoredUntil().getOrDefault(series.key(), Long.MIN_VALUE);
            long lastWritten = Long.MIN_VALUE; // end time of this entity's last document in docs
            DetectorScore lastOwn = null; // that document's own score
            for (int end = model.window() - 1; end < series.size(); end++) {
                int start = end - model.window() + 1;
                if (series.time(end) < range.from() || series.time(end) <= scoredUntil) {
                    if (fresh && entityState != null) {
                        model.score(series.rows(start, end + 1), entityState); // history for a fresh state, not a result
                    }
                    continue;
                }
                DetectorScore score = model.score(series.rows(start, end + 1), entityState);
                int lag = score.alarmLag();
                if (lag > 0 && score.alarmScore() > 0 && start >= lag) {
                    // the alarm belongs to an earlier window: (re)write that window's document with it, in this run's
                    // documents when it is there, else over the one an earlier run stored (same id)
                    long earlierEnd = series.time(end - lag);
                    if (earlierEnd >= range.from() || earlierEnd <= scoredUntil) {
                        boolean inThisRun = earlierEnd == lastWritten;
                        // the earlier window's own score: kept when this run scored it, else scored again (stateless)
                        DetectorScore earlier = inThisRun ? lastOwn : model.score(series.rows(start - lag, end - lag + 1));
                        DetectorScore alarmed = new DetectorScore(earlier.score(), score.alarmScore(), earlier.raw(), earlier.contributions(), earlier.anomalyClass());
                        Map<String, Object> alarm = result(id, detector, series, start - lag, end - lag, alarmed, threshold, now);
                        anomalies += Boolean.TRUE.equals(alarm.get("is_anomaly")) ? 1 : 0;
                        if (inThisRun) {
                            docs.set(docs.size() - 1, alarm);
                        } else {
                            docs.add(alarm);
                            ids.add(resultId(id, series.key(), earlierEnd));
                        }
                    }
                }
                DetectorScore own = lag == 0 ? score : new DetectorScore(score.score(), 0, score.raw(), score.contributions(), score.anomalyClass());
                Map<String, Object> doc = result(id, detector, series, start, end, own, threshold, now);
                if (Boolean.TRUE.equals(doc.get("is_anomaly"))) {
                    anomalies++;
                }
                docs.add(doc);
                ids.add(resultId(id, series.key(), series.time(end)));
                windows++;
                lastWritten = series.time(end);
                lastOwn = own;
                cursor.scoredUntil().put(series.key(), series.time(end));
            }
        }
        results.write(detector.resultIndex(), docs, ids);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("time", now);
        summary.put("from", range.from());
        summary.put("to", range.to());
        summary.put("documents", read.documents());
        summary.put("skipped_documents", read.skipped());
        summary.put("entities", read.series().size());
        summary.put("entities_without_model", withoutModel);
        summary.put("windows", windows);
        summary.put("anomalies", anomalies);
        store.updateState(id, s -> {
            s.put("last_run", summary);
            return s;
        });
        return summary;
    }

    private Map<String, DetectorModel> models(String id, DetectorType type, Set<String> entityKeys) {
        Map<String, DetectorModel> models = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : entityKeys) {
            DetectorModel model = cache.get(id, key);
            if (model == null) {
                missing.add(key);
            } else {
                models.put(key, model);
            }
        }
        if (missing.isEmpty() == false) {
            for (ModelCheckpoints.Checkpoint checkpoint : checkpoints.load(id, missing)) {
                DetectorModel model = type.read(checkpoint.bytes());
                models.put(checkpoint.entityKey(), model);
                try {
                    cache.put(id, checkpoint.entityKey(), model);
                } catch (OpenSearchStatusException full) {
                    // scored from this load, not kept
                }
            }
        }
        return models;
    }

    private static Map<String, Object> result(
        String id,
        Detector detector,
        EntitySeries series,
        int start,
        int end,
        DetectorScore score,
        double threshold,
        long now
    ) {
        boolean anomaly = score.alarmScore() > threshold;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("detector_id", id);
        doc.put("detector_name", detector.name());
        doc.put("detector_type", detector.type());
        if (series.entity().isEmpty() == false) {
            doc.put("entity", series.entity());
        }
        doc.put("entity_key", series.key());
        doc.put("data_start_time", series.time(start));
        doc.put("data_end_time", series.time(end));
        doc.put("execution_time", now);
        doc.put("score", score.score());
        doc.put("alarm_score", score.alarmScore());
        doc.put("raw_score", score.raw());
        doc.put("threshold", threshold);
        doc.put("is_anomaly", anomaly);
        doc.put("anomaly_grade", anomaly && threshold < 1 ? Math.min(1.0, (score.alarmScore() - threshold) / (1 - threshold)) : 0.0);
        doc.put("class", score.anomalyClass());
        doc.put("contributions", contributions(detector.source().fields(), score.contributions()));
        doc.put("source", source(detector, series, start, end));
        return doc;
    }

    private static List<Map<String, Object>> contributions(List<String> fields, double[] weights) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int f = 0; f < fields.size() && weights != null && f < weights.length; f++) {
            list.add(Map.of("field", fields.get(f), "weight", weights[f]));
        }
        list.sort(Comparator.comparingDouble(m -> -((Double) m.get("weight"))));
        return list;
    }

    /** How to find the window's documents again: the query, and the document of the scored point. */
    private static Map<String, Object> source(Detector detector, EntitySeries series, int start, int end) {
        List<Object> filters = new ArrayList<>();
        filters.add(
            Map.of(
                "range",
                Map.of(detector.source().timeField(), Map.of("gte", series.time(start), "lte", series.time(end), "format", "epoch_millis"))
            )
        );
        for (Map.Entry<String, Object> entity : series.entity().entrySet()) {
            filters.add(Map.of("term", Map.of(entity.getKey(), entity.getValue())));
        }
        if (detector.source().filter().isEmpty() == false) {
            filters.add(detector.source().filter());
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("indices", detector.source().indices());
        source.put("time_field", detector.source().timeField());
        source.put("query", Map.of("bool", Map.of("filter", filters)));
        source.put("documents", List.of(Map.of("index", series.index(end), "id", series.id(end))));
        return source;
    }

    static String resultId(String detectorId, String entityKey, long endTime) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha.digest((detectorId + '\u0000' + entityKey + '\u0000' + endTime).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
