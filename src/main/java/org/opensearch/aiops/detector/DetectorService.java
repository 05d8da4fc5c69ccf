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
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.input.DetectorSource;
import org.opensearch.aiops.detector.input.MetricReader;
import org.opensearch.aiops.job.AiopsJobParameter;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.common.CheckedBiConsumer;
import org.opensearch.common.CheckedConsumer;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.search.aggregations.bucket.composite.CompositeAggregation;
import org.opensearch.search.aggregations.bucket.composite.CompositeAggregationBuilder;
import org.opensearch.search.aggregations.bucket.composite.CompositeValuesSourceBuilder;
import org.opensearch.search.aggregations.bucket.composite.TermsValuesSourceBuilder;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.transport.client.Client;

/**
 * What the detector endpoints do, one method per endpoint, asynchronously: requests only start work
 * and chain listeners; training runs on {@code aiops_train} ({@link DetectorTrainer}), scoring on
 * {@code aiops_score}. User errors are IllegalArgumentException (400), unknown ids 404, conflicting
 * lifecycle calls 409, memory 429.
 */
public final class DetectorService {

    private final Client client;
    private final DetectorTypes types;
    private final DetectorStore store;
    private final DetectorValidator validator;
    private final DetectorTrainer trainer;
    private final DetectorScorer scorer;
    private final DetectorJobs jobs;
    private final ModelCheckpoints checkpoints;
    private final ModelCache cache;
    private final LongSupplier clock;
    private final ExecutorService scoring;
    private final Supplier<DiscoveryNodes> nodes;

    /**
     * Per running detector, where scoring stands per entity (state, last scored window), carried
     * from one job run to the next (rebuilt after a restart).
     */
    private final Map<String, DetectorScorer.Cursor> realtimeCursors = new ConcurrentHashMap<>();

    public DetectorService(
            Client client,
            DetectorTypes types,
            DetectorStore store,
            DetectorValidator validator,
            DetectorTrainer trainer,
            DetectorScorer scorer,
            DetectorJobs jobs,
            ModelCheckpoints checkpoints,
            ModelCache cache,
            LongSupplier clock,
            ExecutorService scoring,
            Supplier<DiscoveryNodes> nodes) {
        this.client = client;
        this.types = types;
        this.store = store;
        this.validator = validator;
        this.trainer = trainer;
        this.scorer = scorer;
        this.jobs = jobs;
        this.checkpoints = checkpoints;
        this.cache = cache;
        this.clock = clock;
        this.scoring = scoring;
        this.nodes = nodes;
    }

    public DetectorTypes types() {
        return types;
    }

    /** A configuration and its current state. */
    public record View(String id, Detector detector, DetectorState state) {}

    public void create(Detector detector, ActionListener<View> listener) {
        validator.checkMappedTypes(
                detector.source(),
                then(
                        listener,
                        ok ->
                                store.create(
                                        detector,
                                        clock.getAsLong(),
                                        ActionListener.map(
                                                listener,
                                                id ->
                                                        new View(
                                                                id,
                                                                detector,
                                                                DetectorState.CREATED)))));
    }

    public void get(String id, ActionListener<View> listener) {
        withStatus(
                id,
                listener,
                (stored, status) ->
                        listener.onResponse(new View(id, stored.detector(), status.state())));
    }

    public void update(String id, Detector detector, ActionListener<View> listener) {
        withStatus(
                id,
                listener,
                (previous, status) -> replace(id, detector, previous, status, listener));
    }

    /**
     * Only class labels may change while the detector trains or runs: they change nothing the model
     * uses.
     */
    private void replace(
            String id,
            Detector detector,
            DetectorStore.StoredDetector previous,
            DetectorStatus status,
            ActionListener<View> listener) {
        DetectorState state = status.state();
        boolean labelsOnly =
                detector.withClassLabels(Map.of())
                        .equals(previous.detector().withClassLabels(Map.of()));
        if ((state == DetectorState.RUNNING || state == DetectorState.TRAINING)
                && labelsOnly == false) {
            throw new OpenSearchStatusException(
                    "detector ["
                            + id
                            + "] is "
                            + state.label()
                            + ": stop it before changing it (only [class_labels] may change meanwhile)",
                    RestStatus.CONFLICT);
        }
        validator.checkMappedTypes(
                detector.source(),
                then(
                        listener,
                        ok ->
                                store.update(
                                        id,
                                        detector,
                                        previous,
                                        clock.getAsLong(),
                                        ActionListener.map(
                                                listener, r -> new View(id, detector, state)))));
    }

    /**
     * Deletes the detector whatever its state: a training on this node is cancelled, one elsewhere
     * ends at its next progress report (its state document is gone); gives the number of checkpoint
     * documents removed.
     */
    public void delete(String id, ActionListener<Long> listener) {
        store.get(
                id,
                then(
                        listener,
                        stored -> {
                            trainer.cancel(id);
                            realtimeCursors.remove(id);
                            jobs.delete(
                                    id,
                                    then(
                                            listener,
                                            r ->
                                                    store.delete(
                                                            id,
                                                            then(
                                                                    listener,
                                                                    deleted -> {
                                                                        cache.invalidate(id);
                                                                        checkpoints.deleteAll(
                                                                                id, listener);
                                                                    }))));
                        }));
    }

    public void search(SearchSourceBuilder source, ActionListener<SearchResponse> listener) {
        store.search(source, listener);
    }

    public void validate(Detector detector, ActionListener<DetectorValidation> listener) {
        validator.mappedTypes(
                detector.source(),
                ActionListener.wrap(
                        mapped -> {
                            List<String> issues =
                                    new ArrayList<>(DetectorValidator.typeProblems(mapped));
                            issues.addAll(DetectorValidator.unmapped(mapped));
                            if (issues.isEmpty() == false) {
                                listener.onResponse(
                                        new DetectorValidation(issues, null, null, null));
                                return;
                            }
                            plan(
                                    detector,
                                    ActionListener.map(listener, plan -> validation(issues, plan)));
                        },
                        listener::onFailure));
    }

    private DetectorValidation validation(List<String> issues, TrainingPlan plan) {
        if (plan.shortage() != null) {
            issues.add(plan.shortage());
        }
        return new DetectorValidation(issues, plan.data(), plan.bytes(), cache.stats());
    }

    /**
     * What training would read and take: the counts, the estimated memory, and why the data is too
     * little (null when it is enough).
     */
    private record TrainingPlan(
            DetectorValidation.TrainingData data, long bytes, String shortage) {}

    private void plan(Detector detector, ActionListener<TrainingPlan> listener) {
        DetectorType<?> type = types.get(detector.type(), "type");
        if (type instanceof SharedDetectorType<?, ?> shared) {
            trainingData(
                    detector,
                    1,
                    ActionListener.map(listener, data -> sharedPlan(shared, detector, data)));
        } else {
            SeriesDetectorType<?> series = (SeriesDetectorType<?>) type;
            trainingData(
                    detector,
                    minRows(series, detector),
                    ActionListener.map(listener, data -> seriesPlan(series, detector, data)));
        }
    }

    private static <P extends DetectorParams> TrainingPlan seriesPlan(
            SeriesDetectorType<P> type, Detector detector, DetectorValidation.TrainingData data) {
        long perEntity =
                Math.min(
                        Math.max(data.largestEntity(), data.minPointsPerEntity()),
                        detector.training().maxSamples());
        long bytes =
                type.estimateTrainingBytes(
                        type.params(detector), perEntity, detector.source().numericFields().size());
        String shortage =
                data.entitiesWithEnoughData() > 0
                        ? null
                        : "[training] has not enough data: an entity needs at least "
                                + data.minPointsPerEntity()
                                + " points; "
                                + data.documents()
                                + " documents in "
                                + data.entities()
                                + " entities matched";
        return new TrainingPlan(data, bytes, shortage);
    }

    /** A shared model learns from every document at once: at most max_samples of them. */
    private static <P extends DetectorParams> TrainingPlan sharedPlan(
            SharedDetectorType<P, ?> type,
            Detector detector,
            DetectorValidation.TrainingData data) {
        long documents = Math.min(data.documents(), detector.training().maxSamples());
        String shortage = data.documents() > 0 ? null : "[training] matched no documents";
        return new TrainingPlan(
                data, type.estimateTrainingBytes(type.params(detector), documents), shortage);
    }

    private static <P extends DetectorParams> int minRows(
            SeriesDetectorType<P> type, Detector detector) {
        return type.minTrainingRows(type.params(detector));
    }

    /**
     * Counts what training would read: documents, entities, entities with enough points, the
     * largest entity.
     */
    private void trainingData(
            Detector detector,
            int minRows,
            ActionListener<DetectorValidation.TrainingData> listener) {
        DetectorSource source = detector.source();
        TrainingSpec training = detector.training();
        SearchSourceBuilder search =
                new SearchSourceBuilder()
                        .query(MetricReader.query(source, training.range(), training.query()))
                        .size(0)
                        .trackTotalHits(true);
        if (source.entityFields().isEmpty() == false) {
            List<CompositeValuesSourceBuilder<?>> sources = new ArrayList<>();
            for (String field : source.entityFields()) {
                sources.add(new TermsValuesSourceBuilder(field).field(field).missingBucket(true));
            }
            search.aggregation(new CompositeAggregationBuilder("entities", sources).size(10_000));
        }
        SearchRequest request =
                new SearchRequest(source.indices().toArray(new String[0]))
                        .source(search)
                        .indicesOptions(IndicesOptions.LENIENT_EXPAND_OPEN);
        client.search(
                request,
                ActionListener.map(
                        listener,
                        response -> {
                            long documents =
                                    response.getHits().getTotalHits() == null
                                            ? 0
                                            : response.getHits().getTotalHits().value();
                            if (source.entityFields().isEmpty()) {
                                return new DetectorValidation.TrainingData(
                                        documents,
                                        documents > 0 ? 1 : 0,
                                        documents >= minRows ? 1 : 0,
                                        minRows,
                                        documents);
                            }
                            CompositeAggregation entities =
                                    response.getAggregations().get("entities");
                            long enough = 0;
                            long largest = 0;
                            for (CompositeAggregation.Bucket bucket : entities.getBuckets()) {
                                largest = Math.max(largest, bucket.getDocCount());
                                if (bucket.getDocCount() >= minRows) {
                                    enough++;
                                }
                            }
                            return new DetectorValidation.TrainingData(
                                    documents,
                                    entities.getBuckets().size(),
                                    enough,
                                    minRows,
                                    largest);
                        }));
    }

    /**
     * Starts training; refused up front (429) when the training data's estimated memory exceeds the
     * model budget.
     */
    public void train(String id, ActionListener<DetectorState> listener) {
        store.get(
                id,
                ActionListener.wrap(
                        stored ->
                                plan(
                                        stored.detector(),
                                        ActionListener.wrap(
                                                plan -> {
                                                    cache.checkFits(
                                                            plan.bytes(),
                                                            "training detector [" + id + "]");
                                                    startTraining(stored, listener);
                                                },
                                                listener::onFailure)),
                        listener::onFailure));
    }

    private void startTraining(
            DetectorStore.StoredDetector stored, ActionListener<DetectorState> listener) {
        storedStatus(
                stored.id(),
                ActionListener.wrap(
                        current ->
                                trainer.start(
                                        stored,
                                        current,
                                        ActionListener.map(listener, DetectorStatus::state)),
                        listener::onFailure));
    }

    public void profile(String id, ActionListener<DetectorProfile> listener) {
        withStatus(
                id,
                listener,
                (stored, status) ->
                        jobs.get(
                                id,
                                ActionListener.map(listener, job -> profile(stored, status, job))));
    }

    private DetectorProfile profile(
            DetectorStore.StoredDetector stored, DetectorStatus status, AiopsJobParameter job) {
        Detector detector = stored.detector();
        return new DetectorProfile(
                stored.id(),
                detector.name(),
                detector.type(),
                status,
                job == null ? null : job.isEnabled(),
                job == null ? null : detector.interval(),
                cache.stats());
    }

    public void start(String id, ActionListener<DetectorState> listener) {
        store.get(
                id,
                then(
                        listener,
                        stored ->
                                storedStatus(
                                        id,
                                        then(
                                                listener,
                                                current -> start(stored, current, listener)))));
    }

    private void start(
            DetectorStore.StoredDetector stored,
            DetectorStore.StoredStatus current,
            ActionListener<DetectorState> listener) {
        String id = stored.id();
        DetectorState state = current.state();
        if (state == DetectorState.RUNNING) {
            listener.onResponse(state);
            return;
        }
        if (state != DetectorState.TRAINED && state != DetectorState.STOPPED) {
            throw new OpenSearchStatusException(
                    "detector ["
                            + id
                            + "] is "
                            + state.label()
                            + ": train it first (POST _plugins/_aiops/detectors/"
                            + id
                            + "/_train)",
                    RestStatus.CONFLICT);
        }
        long now = clock.getAsLong();
        DetectorStatus running =
                current.status().running(now - stored.detector().interval().millis());
        store.putStatus(
                id,
                running,
                current,
                then(
                        listener,
                        r ->
                                jobs.enable(
                                        id,
                                        stored.detector(),
                                        now,
                                        ActionListener.map(
                                                listener, enabled -> DetectorState.RUNNING))));
    }

    /**
     * Stops the job, or the training: a training goes back to the state before it (trained when an
     * earlier model exists, else created), and its run ends at its next progress report.
     */
    public void stop(String id, ActionListener<DetectorState> listener) {
        store.get(
                id,
                then(
                        listener,
                        stored ->
                                jobs.disable(
                                        id,
                                        then(
                                                listener,
                                                disabled -> {
                                                    realtimeCursors.remove(id);
                                                    trainer.cancel(id);
                                                    store.updateStatus(
                                                            id,
                                                            DetectorService::stopped,
                                                            ActionListener.map(
                                                                    listener,
                                                                    DetectorStatus::state));
                                                }))));
    }

    /**
     * What {@code _stop} leaves: a running detector stopped; a training one back where it was
     * before the training (trained with its earlier model, else created), saying why.
     */
    static DetectorStatus stopped(DetectorStatus status) {
        return switch (status.state()) {
            case RUNNING -> status.withState(DetectorState.STOPPED);
            case TRAINING -> {
                DetectorState before =
                        status.model() != null ? DetectorState.TRAINED : DetectorState.CREATED;
                double progress = status.training() == null ? 0 : status.training().progress();
                yield status.withState(before)
                        .withError("training stopped by _stop at " + progress + " %");
            }
            default -> status;
        };
    }

    /** Scores a range now (history) on the scoring pool; the same scoring the job runs. */
    public void run(String id, TimeRange range, ActionListener<RunSummary> listener) {
        withStatus(
                id,
                listener,
                (stored, status) -> scoring.execute(() -> runNow(stored, status, range, listener)));
    }

    private void runNow(
            DetectorStore.StoredDetector stored,
            DetectorStatus status,
            TimeRange range,
            ActionListener<RunSummary> listener) {
        try {
            listener.onResponse(scorer.run(stored, status, range, DetectorScorer.Cursor.fresh()));
        } catch (Exception e) {
            listener.onFailure(e);
        }
    }

    /** Intervals a real-time run reads back: points indexed up to this late are still scored. */
    static final int LATE_INTERVALS = 10;

    /**
     * The job's work, on the scoring pool: scores the windows that are new since the last run. It
     * reads {@link #LATE_INTERVALS} back, not from where the last run ended, because a point can be
     * indexed after a run has passed its timestamp; the cursor keeps each window from being scored
     * twice.
     */
    public void runScheduled(String id) {
        DetectorStore.StoredDetector stored = PoolCalls.await(l -> store.get(id, l));
        DetectorStatus status =
                PoolCalls.<DetectorStore.StoredStatus>await(l -> store.status(id, l)).status();
        if (status.state() != DetectorState.RUNNING) {
            return;
        }
        long now = clock.getAsLong();
        long interval = stored.detector().interval().millis();
        long startedFrom = status.realtimeFrom() != null ? status.realtimeFrom() : now - interval;
        long from = Math.max(startedFrom, now - LATE_INTERVALS * interval);
        if (from >= now) {
            return;
        }
        scorer.run(
                stored,
                status,
                new TimeRange(from, now),
                realtimeCursors.computeIfAbsent(id, k -> DetectorScorer.Cursor.fresh()));
    }

    /**
     * The status as stored, except that a training whose run is gone (its node left or restarted)
     * is recorded as failed.
     */
    private void storedStatus(String id, ActionListener<DetectorStore.StoredStatus> listener) {
        store.status(
                id,
                ActionListener.wrap(
                        current -> {
                            if (trainer.orphaned(current.status(), nodes.get(), id) == false) {
                                listener.onResponse(current);
                                return;
                            }
                            TrainingProgress lost = current.status().training();
                            String node = lost == null ? "unknown" : lost.node();
                            DetectorStatus failed =
                                    current.status()
                                            .failed(
                                                    "training was interrupted: its node ["
                                                            + node
                                                            + "] left the cluster or restarted; train it again");
                            store.putStatus(
                                    id,
                                    failed,
                                    current,
                                    ActionListener.wrap(
                                            r -> store.status(id, listener), listener::onFailure));
                        },
                        listener::onFailure));
    }

    /** The stored configuration and its status (see {@link #storedStatus}), then {@code next}. */
    private <R> void withStatus(
            String id,
            ActionListener<R> listener,
            CheckedBiConsumer<DetectorStore.StoredDetector, DetectorStatus, Exception> next) {
        store.get(
                id,
                then(
                        listener,
                        stored ->
                                status(id, then(listener, status -> next.accept(stored, status)))));
    }

    /** The next step of a chain whose failures go to {@code listener}. */
    private static <T, R> ActionListener<T> then(
            ActionListener<R> listener, CheckedConsumer<T, Exception> next) {
        return ActionListener.wrap(next, listener::onFailure);
    }

    private void status(String id, ActionListener<DetectorStatus> listener) {
        storedStatus(id, ActionListener.map(listener, DetectorStore.StoredStatus::status));
    }
}
