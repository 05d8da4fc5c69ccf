package org.opensearch.aiops.detector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.OpenSearchStatusException;
import org.opensearch.aiops.model.ModelCache;
import org.opensearch.aiops.model.ModelCheckpoints;
import org.opensearch.core.rest.RestStatus;

/**
 * Trains a detector in the background: reads its normal data, trains one model per entity (one entity at a time, within
 * a memory reservation), checkpoints the models and records progress, ETA and the outcome in the detector's state.
 */
public final class DetectorTrainer {

    private static final Logger LOG = LogManager.getLogger(DetectorTrainer.class);
    static final String FORMAT_PREFIX = "aiops-model/";

    private final DetectorStore store;
    private final SourceReader reader;
    private final ModelCheckpoints checkpoints;
    private final ModelCache cache;
    private final DetectorTypes types;
    private final LongSupplier clock;

    public DetectorTrainer(DetectorStore store, SourceReader reader, ModelCheckpoints checkpoints, ModelCache cache, DetectorTypes types, LongSupplier clock) {
        this.store = store;
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.cache = cache;
        this.types = types;
        this.clock = clock;
    }

    /**
     * Moves the detector to {@code training} (409 when it already trains, runs, or another call won the race) and
     * starts the work on {@code executor}; returns the new state.
     */
    public Map<String, Object> start(DetectorStore.StoredDetector stored, Executor executor) {
        String id = stored.id();
        DetectorStore.StoredState current = store.state(id);
        if (current.name().equals(DetectorState.TRAINING.label())) {
            throw new OpenSearchStatusException("detector [" + id + "] is already training", RestStatus.CONFLICT);
        }
        if (current.name().equals(DetectorState.RUNNING.label())) {
            throw new OpenSearchStatusException("detector [" + id + "] is running: stop it before training it again", RestStatus.CONFLICT);
        }
        Map<String, Object> state = new LinkedHashMap<>(current.state());
        state.put("state", DetectorState.TRAINING.label());
        state.remove("error");
        state.put("training", new LinkedHashMap<>(Map.of("progress", 0.0, "started_time", clock.getAsLong())));
        store.putState(id, state, current);
        executor.execute(() -> train(stored));
        return state;
    }

    private void train(DetectorStore.StoredDetector stored) {
        String id = stored.id();
        Detector detector = stored.detector();
        long started = clock.getAsLong();
        try {
            DetectorType type = types.get(detector.type(), "type");
            TrainingSpec training = detector.training();
            TimeRange range = training.range() != null ? training.range() : new TimeRange(0, started);
            SourceReader.Read read = reader.read(detector, range.from(), range.to(), training.query(), training.maxSamples());
            int minRows = type.minTrainingRows(detector.params());
            List<EntitySeries> trainable = new ArrayList<>();
            int largest = 0;
            for (EntitySeries series : read.series().values()) {
                largest = Math.max(largest, series.size());
                if (series.size() >= minRows) {
                    trainable.add(series);
                }
            }
            if (trainable.isEmpty()) {
                throw new IllegalArgumentException(
                    "not enough training data: [training] matched " + read.documents() + " documents (" + read.skipped()
                        + " without numeric values for every field of [source.fields]) in " + read.series().size()
                        + " entities; an entity needs at least " + minRows + " points, the largest has " + largest
                );
            }
            long estimate = type.estimateTrainingBytes(detector.params(), largest, detector.source().fields().size());
            List<ModelCheckpoints.Checkpoint> trained = new ArrayList<>();
            List<DetectorModel> models = new ArrayList<>();
            long lastReport = 0;
            try (ModelCache.Reservation ignored = cache.reserve(estimate, "training detector [" + id + "]")) {
                for (int e = 0; e < trainable.size(); e++) {
                    EntitySeries series = trainable.get(e);
                    DetectorModel model = type.train(detector.params(), series.rows(0, series.size()), fraction -> {});
                    models.add(model);
                    trained.add(new ModelCheckpoints.Checkpoint(series.key(), series.entity(), FORMAT_PREFIX + type.name(), model.toBytes()));
                    long now = clock.getAsLong();
                    if (now - lastReport >= 1_000 || e == trainable.size() - 1) {
                        lastReport = now;
                        reportProgress(id, started, now, (double) (e + 1) / trainable.size() * 0.95, e + 1, trainable.size());
                    }
                }
            }
            checkpoints.deleteAll(id);
            checkpoints.save(id, trained, clock.getAsLong());
            cache.invalidate(id);
            for (int i = 0; i < trained.size(); i++) {
                try {
                    cache.put(id, trained.get(i).entityKey(), models.get(i));
                } catch (OpenSearchStatusException full) {
                    break; // loaded again from the checkpoints when scored
                }
            }
            store.updateState(id, state -> trainedState(state, detector, read, trainable, models, trained, started));
        } catch (Exception e) {
            LOG.warn("training detector [" + id + "] failed", e);
            store.updateState(id, state -> {
                state.put("state", DetectorState.FAILED.label());
                state.put("error", "training failed: " + e.getMessage());
                return state;
            });
        }
    }

    private void reportProgress(String id, long started, long now, double fraction, int done, int total) {
        store.updateState(id, state -> {
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("progress", Math.round(fraction * 1000) / 10.0);
            training.put("started_time", started);
            training.put("eta_ms", fraction <= 0 ? null : (long) ((now - started) * (1 - fraction) / fraction));
            training.put("entities_done", done);
            training.put("entities_total", total);
            state.put("training", training);
            return state;
        });
    }

    private Map<String, Object> trainedState(
        Map<String, Object> state,
        Detector detector,
        SourceReader.Read read,
        List<EntitySeries> trainable,
        List<DetectorModel> models,
        List<ModelCheckpoints.Checkpoint> checkpointsWritten,
        long started
    ) {
        long now = clock.getAsLong();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("progress", 100.0);
        training.put("started_time", started);
        training.put("finished_time", now);
        training.put("duration_ms", now - started);
        training.put("documents", read.documents());
        training.put("skipped_documents", read.skipped());
        training.put("entities_trained", trainable.size());
        training.put("entities_without_enough_data", read.series().size() - trainable.size());
        state.put("training", training);
        long bytes = 0;
        long maxBytes = 0;
        long serialized = 0;
        double thresholdSum = 0;
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            bytes += models.get(i).ramBytes();
            maxBytes = Math.max(maxBytes, models.get(i).ramBytes());
            serialized += checkpointsWritten.get(i).bytes().length;
            thresholdSum += models.get(i).threshold(detector.threshold());
            long step = trainable.get(i).medianStepMillis();
            if (step > 0) {
                steps.add(step);
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entities", models.size());
        model.put("memory_bytes_per_entity", bytes / models.size());
        model.put("max_memory_bytes_per_entity", maxBytes);
        model.put("checkpoint_bytes", serialized);
        model.put("window", models.get(0).window());
        state.put("model", model);
        state.put("threshold", thresholdSum / models.size());
        Map<String, Object> scores = new LinkedHashMap<>(models.get(0).trainingScores());
        scores.put("entity_key", trainable.get(0).key()); // each entity has its own distribution; the first stands for them
        state.put("training_scores", scores);
        steps.sort(Long::compare);
        state.put("step_ms", steps.isEmpty() ? detector.interval().millis() : steps.get(steps.size() / 2));
        state.put("state", DetectorState.TRAINED.label());
        state.remove("error");
        return state;
    }
}
