/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.aiops.detector.input.DocumentRef;
import org.opensearch.aiops.detector.input.EntitySeries;
import org.opensearch.aiops.detector.input.MetricReader;
import org.opensearch.aiops.detector.input.MetricSource;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryBuilders;

/**
 * Scores a time range with a trained detector: reads the range (plus enough history before it for
 * the first window), scores every window that ends in the range with its entity's model, and writes
 * one result document per window.
 */
public final class DetectorScorer {

    private final DetectorStore store;
    private final MetricReader reader;
    private final ModelCheckpoints checkpoints;
    private final ModelCache cache;
    private final DetectorTypes types;
    private final ResultIndex results;
    private final LongSupplier clock;
    private final Function<DetectorInput, UnitInput<?>> units;

    public DetectorScorer(
            DetectorStore store,
            MetricReader reader,
            ModelCheckpoints checkpoints,
            ModelCache cache,
            DetectorTypes types,
            ResultIndex results,
            LongSupplier clock,
            Function<DetectorInput, UnitInput<?>> units) {
        this.store = store;
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.cache = cache;
        this.types = types;
        this.results = results;
        this.clock = clock;
        this.units = units;
    }

    /**
     * Points of history a fresh per-entity scoring state sees before the range (the onset state
     * remembers 100 scores).
     */
    static final int STATE_WARMUP_POINTS = 100;

    /**
     * Where scoring stands per entity, kept by the real-time job from run to run: the entity's
     * scoring state and the end time of the last window it scored. A history run starts from a new
     * cursor.
     */
    public record Cursor(Map<String, Object> states, Map<String, Long> scoredUntil) {
        public static Cursor fresh() {
            return new Cursor(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    /**
     * Scores the windows that end in [range.from, range.to) and after the entity's last scored
     * window, records the run in the detector's state and returns the run's summary. The job reads
     * a range that reaches back several intervals and so scores points that were indexed late,
     * without scoring a window twice. An entity without a state in the cursor gets a fresh one,
     * first fed the windows before the range. {@code status} is the detector's stored status as the
     * caller has just read it. Waits for the cluster: runs on the {@code aiops_score} pool.
     */
    public RunSummary run(
            DetectorStore.StoredDetector stored,
            DetectorStatus status,
            TimeRange range,
            Cursor cursor) {
        DetectorType<?> type = types.get(stored.detector().type(), "type");
        if (type instanceof SharedDetectorType<?, ?> shared) {
            return runShared(stored, status, range, cursor, shared);
        }
        return runSeries(stored, status, range, cursor, (SeriesDetectorType<?>) type);
    }

    /**
     * Scores every unit the shared-model input reads in the range with the detector's one model, in
     * time order and in one call (a stateful model such as trace_graph's graph memory advances
     * through them), then the type's roll-ups (traces, windows). Units start at most {@code settle}
     * before now (late spans still find their parents). A stateful model scores only units after
     * the last range the job's cursor scored (each unit once); a stateless one rescores what the
     * job reads back. A unit scored again gets the same result id, so its result is replaced. A
     * stateful model's checkpoint is rewritten after the run, so a restart keeps its state (unless
     * the model cache is too full to hold it: it is then read from its checkpoint each run).
     */
    @SuppressWarnings(
            "unchecked") // the input decides the unit class (SharedDetectorType's contract)
    private <P extends DetectorParams, U> RunSummary runShared(
            DetectorStore.StoredDetector stored,
            DetectorStatus status,
            TimeRange range,
            Cursor cursor,
            SharedDetectorType<P, U> type) {
        String id = stored.id();
        Detector detector = stored.detector();
        requireModel(id, status);
        UnitInput<U> input = (UnitInput<U>) units.apply(type.input());
        SharedModel<U> model = sharedModel(id, type);
        long now = clock.getAsLong();
        // A stateful model must see each unit once; a stateless one rescores what is read again
        // (a session still growing is read whole again and its result replaced).
        long from =
                model.stateful()
                        ? Math.max(
                                range.from(),
                                cursor.scoredUntil().getOrDefault(SHARED_CURSOR, range.from()))
                        : range.from();
        long to = Math.min(range.to(), now - type.settleMillis(type.params(detector)));
        List<DetectorResult> docs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> entities = new HashSet<>();
        int anomalies = 0;
        int scoredUnits = 0;
        long documents = 0;
        if (from < to) {
            UnitInput.Units<U> read = input.read(detector.source(), new TimeRange(from, to), null);
            documents = read.documents();
            List<U> scored = read.units();
            scoredUnits = scored.size();
            List<DetectorScore> scores = model.scoreAll(scored);
            double threshold = model.threshold(detector.threshold());
            for (int i = 0; i < scored.size(); i++) {
                U unit = scored.get(i);
                DetectorScore score = scores.get(i);
                DetectorResult result =
                        input.result(
                                id,
                                detector,
                                unit,
                                score,
                                model.contributions(unit, score),
                                threshold,
                                now);
                anomalies += result.isAnomaly() ? 1 : 0;
                entities.add(input.entityKey(unit));
                docs.add(result);
                ids.add(UnitInput.resultId(id, input.key(unit)));
            }
            for (SharedDetectorType.KeyedResult rolled :
                    type.rollUp(id, detector, scored, scores, threshold, now)) {
                docs.add(rolled.result());
                ids.add(UnitInput.resultId(id, rolled.key()));
            }
            cursor.scoredUntil().put(SHARED_CURSOR, to);
            // Only while the cache still holds this model: a training that finished meanwhile
            // replaced it, and its checkpoint must not be overwritten by the old state.
            if (model.stateful()
                    && scored.isEmpty() == false
                    && cache.get(id, DetectorTrainer.SHARED_KEY) == model) {
                checkpoints.replace(
                        id,
                        new ModelCheckpoints.Checkpoint(
                                DetectorTrainer.SHARED_KEY,
                                Map.of(),
                                DetectorTrainer.FORMAT_PREFIX + type.name(),
                                model.toBytes()),
                        now);
            }
        }
        return finishRun(
                id,
                detector,
                new TimeRange(range.from(), Math.max(range.from(), to)),
                now,
                docs,
                ids,
                documents,
                0,
                entities.size(),
                0,
                scoredUnits,
                anomalies);
    }

    /** The cursor's key for a shared model: everything before it is scored. */
    static final String SHARED_CURSOR = "_shared";

    @SuppressWarnings("unchecked")
    private <U> SharedModel<U> sharedModel(String id, SharedDetectorType<?, U> type) {
        TrainedModel cached = cache.get(id, DetectorTrainer.SHARED_KEY);
        if (cached != null) {
            return (SharedModel<U>) cached;
        }
        List<ModelCheckpoints.Checkpoint> loaded =
                checkpoints.load(id, List.of(DetectorTrainer.SHARED_KEY));
        if (loaded.isEmpty()) {
            throw new OpenSearchStatusException(
                    "detector [" + id + "] has no model checkpoint: call _train again",
                    RestStatus.CONFLICT);
        }
        SharedModel<U> model = type.read(loaded.get(0).bytes());
        try {
            cache.put(id, DetectorTrainer.SHARED_KEY, model);
        } catch (OpenSearchStatusException full) {
            // scored from this load, not kept
        }
        return model;
    }

    private static void requireModel(String id, DetectorStatus status) {
        if (status.state().hasModel() == false) {
            throw new OpenSearchStatusException(
                    "detector ["
                            + id
                            + "] has no trained model (state ["
                            + status.state().label()
                            + "]): call _train first",
                    RestStatus.CONFLICT);
        }
    }

    /** Writes a run's results and records its summary in the detector's state. */
    private RunSummary finishRun(
            String id,
            Detector detector,
            TimeRange range,
            long now,
            List<DetectorResult> docs,
            List<String> ids,
            long documents,
            long skipped,
            int entities,
            int withoutModel,
            int scored,
            int anomalies) {
        try {
            results.write(detector.resultIndex(), docs, ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunSummary summary =
                new RunSummary(
                        now,
                        range.from(),
                        range.to(),
                        documents,
                        skipped,
                        entities,
                        withoutModel,
                        scored,
                        anomalies);
        PoolCalls.<DetectorStatus>await(
                l -> store.updateStatus(id, s -> s.withLastRun(summary), l));
        return summary;
    }

    private <P extends DetectorParams> RunSummary runSeries(
            DetectorStore.StoredDetector stored,
            DetectorStatus status,
            TimeRange range,
            Cursor cursor,
            SeriesDetectorType<P> type) {
        Map<String, Object> states = cursor.states();
        String id = stored.id();
        Detector detector = stored.detector();
        requireModel(id, status);
        MetricSource source = (MetricSource) detector.source();
        int window = type.window(type.params(detector));
        long step =
                status.stepMs() != null && status.stepMs() > 0
                        ? status.stepMs()
                        : detector.interval().millis();
        long lookback = step * (window + STATE_WARMUP_POINTS + 1) * 2;
        MetricReader.Read read =
                reader.read(
                        source,
                        new TimeRange(range.from() - lookback, range.to()),
                        null,
                        Integer.MAX_VALUE);
        Map<String, DetectorModel> models = models(id, type, read.series().keySet());
        long now = clock.getAsLong();
        List<DetectorResult> docs = new ArrayList<>();
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
                        model.score(
                                series.rows(start, end + 1),
                                entityState); // history for a fresh state, not a result
                    }
                    continue;
                }
                DetectorScore score = model.score(series.rows(start, end + 1), entityState);
                int lag = score.alarmLag();
                if (lag > 0 && score.alarmScore() > 0 && start >= lag) {
                    // the alarm belongs to an earlier window: (re)write that window's document with
                    // it, in this run's
                    // documents when it is there, else over the one an earlier run stored (same id)
                    long earlierEnd = series.time(end - lag);
                    if (earlierEnd >= range.from() || earlierEnd <= scoredUntil) {
                        boolean inThisRun = earlierEnd == lastWritten;
                        // the earlier window's own score: kept when this run scored it, else scored
                        // again (stateless)
                        DetectorScore earlier =
                                inThisRun
                                        ? lastOwn
                                        : model.score(series.rows(start - lag, end - lag + 1));
                        DetectorScore alarmed =
                                new DetectorScore(
                                        earlier.score(),
                                        score.alarmScore(),
                                        earlier.raw(),
                                        earlier.contributions(),
                                        earlier.anomalyClass());
                        DetectorResult alarm =
                                result(
                                        id,
                                        detector,
                                        source,
                                        series,
                                        start - lag,
                                        end - lag,
                                        alarmed,
                                        threshold,
                                        now);
                        anomalies += alarm.isAnomaly() ? 1 : 0;
                        if (inThisRun) {
                            docs.set(docs.size() - 1, alarm);
                        } else {
                            docs.add(alarm);
                            ids.add(resultId(id, series.key(), earlierEnd));
                        }
                    }
                }
                DetectorScore own =
                        lag == 0
                                ? score
                                : new DetectorScore(
                                        score.score(),
                                        0,
                                        score.raw(),
                                        score.contributions(),
                                        score.anomalyClass());
                DetectorResult doc =
                        result(id, detector, source, series, start, end, own, threshold, now);
                if (doc.isAnomaly()) {
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
        return finishRun(
                id,
                detector,
                range,
                now,
                docs,
                ids,
                read.documents(),
                read.skipped(),
                read.series().size(),
                withoutModel,
                windows,
                anomalies);
    }

    private Map<String, DetectorModel> models(
            String id, SeriesDetectorType<?> type, Set<String> entityKeys) {
        Map<String, DetectorModel> models = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : entityKeys) {
            DetectorModel model =
                    (DetectorModel)
                            cache.get(id, key); // a series detector keeps series models only
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

    private static DetectorResult result(
            String id,
            Detector detector,
            MetricSource source,
            EntitySeries series,
            int start,
            int end,
            DetectorScore score,
            double threshold,
            long now) {
        return new DetectorResult(
                id,
                detector,
                ResultUnit.WINDOW,
                series.entity(),
                series.key(),
                null,
                null,
                null,
                series.time(start),
                series.time(end),
                now,
                score,
                threshold,
                contributions(source.fields(), score.contributions()),
                List.of(new DocumentRef(series.index(end), series.id(end))),
                windowQuery(source, series, start, end));
    }

    private static List<Contribution> contributions(List<String> fields, double[] weights) {
        List<Contribution> list = new ArrayList<>();
        for (int f = 0; f < fields.size() && weights != null && f < weights.length; f++) {
            list.add(Contribution.field(fields.get(f), weights[f]));
        }
        list.sort(Comparator.comparingDouble(c -> -c.weight()));
        return list;
    }

    /** How to find the window's documents again. */
    private static QueryBuilder windowQuery(
            MetricSource source, EntitySeries series, int start, int end) {
        BoolQueryBuilder query =
                QueryBuilders.boolQuery()
                        .filter(
                                QueryBuilders.rangeQuery(source.timeField())
                                        .gte(series.time(start))
                                        .lte(series.time(end))
                                        .format("epoch_millis"));
        for (Map.Entry<String, Object> entity : series.entity().entrySet()) {
            query.filter(QueryBuilders.termQuery(entity.getKey(), entity.getValue()));
        }
        if (source.filter() != null) {
            query.filter(source.filter());
        }
        return query;
    }

    static String resultId(String detectorId, String entityKey, long endTime) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            byte[] digest =
                    sha.digest(
                            (detectorId + '\u0000' + entityKey + '\u0000' + endTime)
                                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
