/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.OpenSearchStatusException;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.aiops.detector.input.EntitySeries;
import org.opensearch.aiops.detector.input.MetricReader;
import org.opensearch.aiops.detector.input.MetricSource;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;

/**
 * Trains detectors on the {@code aiops_train} pool: reads the normal data, trains one model per
 * entity (one entity at a time, within a memory reservation), checkpoints the models and records
 * progress, ETA and the outcome in the state. A run ends early, writing nothing more, when the
 * stored state stops naming it ({@code _stop}, {@code DELETE}); a run whose node left or restarted
 * is reported failed by {@link #orphaned}.
 */
public final class DetectorTrainer {

    private static final Logger LOG = LogManager.getLogger(DetectorTrainer.class);
    static final String FORMAT_PREFIX = "aiops-model/";
    private static final long REPORT_EVERY_MS = 1_000;

    private final DetectorStore store;
    private final MetricReader reader;
    private final ModelCheckpoints checkpoints;
    private final ModelCache cache;
    private final DetectorTypes types;
    private final LongSupplier clock;
    private final Executor executor;
    private final Supplier<String> localNode;
    private final Function<DetectorInput, UnitInput<?>> units;
    private final Map<String, TrainingTask> running = new ConcurrentHashMap<>();

    public DetectorTrainer(
            DetectorStore store,
            MetricReader reader,
            ModelCheckpoints checkpoints,
            ModelCache cache,
            DetectorTypes types,
            LongSupplier clock,
            Executor executor,
            Supplier<String> localNode,
            Function<DetectorInput, UnitInput<?>> units) {
        this.store = store;
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.cache = cache;
        this.types = types;
        this.clock = clock;
        this.executor = executor;
        this.localNode = localNode;
        this.units = units;
    }

    /**
     * Moves the detector to {@code training} (409 when it already trains, runs, or another call won
     * the race) and queues the work (429 when the training queue is full); gives the new status.
     */
    public void start(
            DetectorStore.StoredDetector stored,
            DetectorStore.StoredStatus current,
            ActionListener<DetectorStatus> listener) {
        String id = stored.id();
        if (current.state() == DetectorState.TRAINING) {
            listener.onFailure(
                    new OpenSearchStatusException(
                            "detector [" + id + "] is already training", RestStatus.CONFLICT));
            return;
        }
        if (current.state() == DetectorState.RUNNING) {
            listener.onFailure(
                    new OpenSearchStatusException(
                            "detector [" + id + "] is running: stop it before training it again",
                            RestStatus.CONFLICT));
            return;
        }
        TrainingTask task = new TrainingTask(clock.getAsLong(), localNode.get());
        if (running.putIfAbsent(id, task) != null) {
            listener.onFailure(
                    new OpenSearchStatusException(
                            "detector [" + id + "] is already training", RestStatus.CONFLICT));
            return;
        }
        DetectorStatus next =
                current.status()
                        .withState(DetectorState.TRAINING)
                        .training(TrainingProgress.started(task.startedTime, task.node));
        store.putStatus(
                id,
                next,
                current,
                ActionListener.wrap(
                        written -> {
                            try {
                                executor.execute(() -> train(stored, task));
                                listener.onResponse(next);
                            } catch (RejectedExecutionException e) {
                                running.remove(id, task);
                                store.putStatus(
                                        id,
                                        current.status(),
                                        null,
                                        ActionListener.wrap(
                                                r ->
                                                        listener.onFailure(
                                                                new OpenSearchStatusException(
                                                                        "the training queue of this node is full: retry later",
                                                                        RestStatus
                                                                                .TOO_MANY_REQUESTS)),
                                                listener::onFailure));
                            }
                        },
                        e -> {
                            running.remove(id, task);
                            listener.onFailure(e);
                        }));
    }

    /** Asks this node's run of the detector, if any, to end at its next progress report. */
    public void cancel(String id) {
        TrainingTask task = running.get(id);
        if (task != null) {
            task.cancel();
        }
    }

    /**
     * Whether a stored {@code training} state is left over from a run that no longer exists: its
     * node left the cluster or restarted (a new ephemeral id), or it is this node's and no such run
     * is going on here.
     */
    public boolean orphaned(DetectorStatus status, DiscoveryNodes nodes, String id) {
        if (status.state() != DetectorState.TRAINING) {
            return false;
        }
        String node = status.training() == null ? null : status.training().node();
        if (node == null) {
            return true;
        }
        if (node.equals(localNode.get())) {
            TrainingTask task = running.get(id);
            return task == null || task.startedTime != status.training().startedTime();
        }
        for (DiscoveryNode member : nodes) {
            if (member.getEphemeralId().equals(node)) {
                return false;
            }
        }
        return true;
    }

    private void train(DetectorStore.StoredDetector stored, TrainingTask task) {
        String id = stored.id();
        try {
            DetectorType<?> type = types.get(stored.detector().type(), "type");
            if (type instanceof SharedDetectorType<?, ?> shared) {
                trainShared(stored, task, shared);
            } else {
                trainSeries(stored, task, (SeriesDetectorType<?>) type);
            }
        } catch (TrainingTask.Aborted e) {
            LOG.info("training detector [{}] ended early: {}", id, e.getMessage());
        } catch (Exception e) {
            LOG.warn("training detector [" + id + "] failed", e);
            try {
                update(id, task, s -> s.failed("training failed: " + e.getMessage()));
            } catch (RuntimeException ended) {
                LOG.info(
                        "training detector [{}]: the failure was not recorded ({})",
                        id,
                        ended.getMessage());
            }
        } finally {
            running.remove(id, task);
        }
    }

    /** Key of the one checkpoint of a shared model. */
    static final String SHARED_KEY = "_shared";

    @SuppressWarnings(
            "unchecked") // the input decides the unit class (SharedDetectorType's contract)
    private <P extends DetectorParams, U> void trainShared(
            DetectorStore.StoredDetector stored, TrainingTask task, SharedDetectorType<P, U> type) {
        String id = stored.id();
        Detector detector = stored.detector();
        P params = type.params(detector);
        TrainingSpec training = detector.training();
        TimeRange range =
                training.range() != null ? training.range() : new TimeRange(0, task.startedTime);
        UnitInput<U> input = (UnitInput<U>) units.apply(type.input());
        UnitInput.Units<U> read = input.read(detector.source(), range, training.query());
        task.checkCancelled();
        List<U> trainingUnits =
                read.units().subList(0, Math.min(read.units().size(), training.maxSamples()));
        if (trainingUnits.size() < type.minTrainingUnits(params)) {
            throw new IllegalArgumentException(
                    "not enough training data: [training] matched "
                            + read.documents()
                            + " documents making "
                            + read.units().size()
                            + " units; "
                            + type.name()
                            + " needs at least "
                            + type.minTrainingUnits(params));
        }
        ProgressReporter reporter = new ProgressReporter(id, task, 1);
        SharedModel<U> model;
        try (ModelCache.Reservation ignored =
                cache.reserve(
                        type.estimateTrainingBytes(params, trainingUnits.size()),
                        "training detector [" + id + "]")) {
            model = type.train(params, trainingUnits, fraction -> reporter.report(0, fraction));
        }
        reporter.report(1, 0);
        byte[] bytes = model.toBytes();
        List<ModelCheckpoints.Checkpoint> written =
                List.of(
                        new ModelCheckpoints.Checkpoint(
                                SHARED_KEY, Map.of(), FORMAT_PREFIX + type.name(), bytes));
        replaceCheckpoints(
                id,
                task,
                written,
                s -> {
                    TrainingProgress progress =
                            s.training().finished(clock.getAsLong(), read.documents(), 0, 1, 0);
                    ModelSummary summary =
                            new ModelSummary(
                                    1,
                                    model.ramBytes(),
                                    model.ramBytes(),
                                    bytes.length,
                                    0,
                                    model.epochs());
                    return s.trained(
                            progress,
                            summary,
                            model.threshold(detector.threshold()),
                            model.trainingScores(),
                            detector.interval().millis());
                });
        try {
            cache.put(id, SHARED_KEY, model);
        } catch (OpenSearchStatusException full) {
            // loaded again from the checkpoint when scored
        }
    }

    private <P extends DetectorParams> void trainSeries(
            DetectorStore.StoredDetector stored, TrainingTask task, SeriesDetectorType<P> type) {
        String id = stored.id();
        Detector detector = stored.detector();
        P params = type.params(detector);
        MetricSource source = (MetricSource) detector.source();
        TrainingSpec training = detector.training();
        TimeRange range =
                training.range() != null ? training.range() : new TimeRange(0, task.startedTime);
        MetricReader.Read read =
                reader.read(source, range, training.query(), training.maxSamples());
        task.checkCancelled();
        int minRows = type.minTrainingRows(params);
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
                    "not enough training data: [training] matched "
                            + read.documents()
                            + " documents ("
                            + read.skipped()
                            + " without numeric values for every field of [source.fields]) in "
                            + read.series().size()
                            + " entities; an entity needs at least "
                            + minRows
                            + " points, the largest has "
                            + largest);
        }
        long estimate = type.estimateTrainingBytes(params, largest, source.fields().size());
        List<ModelCheckpoints.Checkpoint> trained = new ArrayList<>();
        List<DetectorModel> models = new ArrayList<>();
        ProgressReporter reporter = new ProgressReporter(id, task, trainable.size());
        try (ModelCache.Reservation ignored =
                cache.reserve(estimate, "training detector [" + id + "]")) {
            for (int e = 0; e < trainable.size(); e++) {
                EntitySeries series = trainable.get(e);
                int done = e;
                DetectorModel model =
                        type.train(
                                params,
                                series.rows(0, series.size()),
                                fraction -> reporter.report(done, fraction));
                models.add(model);
                trained.add(
                        new ModelCheckpoints.Checkpoint(
                                series.key(),
                                series.entity(),
                                FORMAT_PREFIX + type.name(),
                                model.toBytes()));
                reporter.report(e + 1, 0);
            }
        }
        replaceCheckpoints(
                id,
                task,
                trained,
                st -> trainedStatus(st, detector, read, trainable, models, trained));
        for (int i = 0; i < trained.size(); i++) {
            try {
                cache.put(id, trained.get(i).entityKey(), models.get(i));
            } catch (OpenSearchStatusException full) {
                break; // loaded again from the checkpoints when scored
            }
        }
    }

    /**
     * Replaces the detector's checkpoints with {@code written} and records the outcome while the
     * state still names this run; when the detector was deleted meanwhile, removes what it wrote.
     */
    private void replaceCheckpoints(
            String id,
            TrainingTask task,
            List<ModelCheckpoints.Checkpoint> written,
            UnaryOperator<DetectorStatus> outcome) {
        // the earlier model stays when the run was stopped or taken over meanwhile
        task.requireOwned(
                PoolCalls.<DetectorStore.StoredStatus>await(l -> store.status(id, l)).status());
        PoolCalls.<Long>await(l -> checkpoints.deleteAll(id, l));
        checkpoints.save(id, written, clock.getAsLong());
        cache.invalidate(id);
        try {
            update(id, task, outcome);
        } catch (TrainingTask.Aborted e) {
            if (PoolCalls.<DetectorStore.StoredStatus>await(l -> store.status(id, l)).seqNo() < 0) {
                PoolCalls.<Long>await(l -> checkpoints.deleteAll(id, l)); // no orphans left behind
            }
            throw e;
        }
    }

    /**
     * Writes progress at most once a second, and ends the run when it was cancelled or its state
     * taken over.
     */
    private final class ProgressReporter {
        private final String id;
        private final TrainingTask task;
        private final int entities;
        private long lastReport;

        ProgressReporter(String id, TrainingTask task, int entities) {
            this.id = id;
            this.task = task;
            this.entities = entities;
        }

        /** {@code done} entities trained and {@code fraction} of the next one. */
        void report(int done, double fraction) {
            task.checkCancelled();
            long now = clock.getAsLong();
            if (now - lastReport >= REPORT_EVERY_MS || done == entities) {
                lastReport = now;
                double overall = (done + Math.min(1, Math.max(0, fraction))) / entities * 0.95;
                update(
                        id,
                        task,
                        s -> s.training(s.training().running(overall, now, done, entities)));
            }
        }
    }

    /**
     * A change to the state that applies only while it still names this run (else the run is
     * aborted).
     */
    private void update(String id, TrainingTask task, UnaryOperator<DetectorStatus> change) {
        PoolCalls.<DetectorStatus>await(
                l ->
                        store.updateStatus(
                                id,
                                s -> {
                                    task.requireOwned(s);
                                    return change.apply(s);
                                },
                                l));
    }

    private DetectorStatus trainedStatus(
            DetectorStatus status,
            Detector detector,
            MetricReader.Read read,
            List<EntitySeries> trainable,
            List<DetectorModel> models,
            List<ModelCheckpoints.Checkpoint> written) {
        long bytes = 0;
        long maxBytes = 0;
        long serialized = 0;
        double thresholdSum = 0;
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            bytes += models.get(i).ramBytes();
            maxBytes = Math.max(maxBytes, models.get(i).ramBytes());
            serialized += written.get(i).bytes().length;
            thresholdSum += models.get(i).threshold(detector.threshold());
            long step = trainable.get(i).medianStepMillis();
            if (step > 0) {
                steps.add(step);
            }
        }
        steps.sort(Long::compare);
        TrainingProgress progress =
                status.training()
                        .finished(
                                clock.getAsLong(),
                                read.documents(),
                                read.skipped(),
                                trainable.size(),
                                read.series().size() - trainable.size());
        ModelSummary model =
                new ModelSummary(
                        models.size(),
                        bytes / models.size(),
                        maxBytes,
                        serialized,
                        models.get(0).window());
        // each entity has its own distribution; the first stands for them
        ScoreSummary scores = models.get(0).trainingScores().withEntityKey(trainable.get(0).key());
        long step = steps.isEmpty() ? detector.interval().millis() : steps.get(steps.size() / 2);
        return status.trained(progress, model, thresholdSum / models.size(), scores, step);
    }
}
