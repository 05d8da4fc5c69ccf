package org.opensearch.aiops.detector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.model.ModelCache;
import org.opensearch.aiops.model.ModelCheckpoints;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.aggregations.AggregationBuilders;
import org.opensearch.search.aggregations.BucketOrder;
import org.opensearch.search.aggregations.bucket.composite.CompositeAggregation;
import org.opensearch.search.aggregations.bucket.composite.CompositeAggregationBuilder;
import org.opensearch.search.aggregations.bucket.composite.CompositeValuesSourceBuilder;
import org.opensearch.search.aggregations.bucket.composite.TermsValuesSourceBuilder;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.search.sort.SortOrder;
import org.opensearch.transport.client.Client;

/**
 * What the detector endpoints do, one method per endpoint. Runs on the detector pool (it waits for the cluster);
 * user errors are IllegalArgumentException (400), unknown ids 404, conflicting lifecycle calls 409, memory 429.
 */
public final class DetectorService {

    static final Set<String> RESULT_SEARCH_FIELDS = Set.of("detector_ids", "query", "size", "from", "sort", "aggs", "aggregations");
    static final Set<String> DETECTOR_SEARCH_FIELDS = Set.of("query", "size", "from", "sort");

    private final Client client;
    private final DetectorTypes types;
    private final DetectorStore store;
    private final DetectorValidator validator;
    private final DetectorTrainer trainer;
    private final DetectorScorer scorer;
    private final DetectorJobs jobs;
    private final ModelCheckpoints checkpoints;
    private final ModelCache cache;
    private final NamedXContentRegistry xContentRegistry;
    private final LongSupplier clock;
    /**
     * Per running detector, where scoring stands per entity (state, last scored window), carried from one job run to the
     * next (rebuilt after a restart).
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
        NamedXContentRegistry xContentRegistry,
        LongSupplier clock
    ) {
        this.client = client;
        this.types = types;
        this.store = store;
        this.validator = validator;
        this.trainer = trainer;
        this.scorer = scorer;
        this.jobs = jobs;
        this.checkpoints = checkpoints;
        this.cache = cache;
        this.xContentRegistry = xContentRegistry;
        this.clock = clock;
    }

    public DetectorTypes types() {
        return types;
    }

    public Map<String, Object> create(Map<String, Object> body) {
        Detector detector = Detector.parse(body, types);
        validator.checkMappedTypes(detector.source());
        String id = store.create(detector, clock.getAsLong());
        return detectorResponse(id, detector, DetectorState.CREATED.label());
    }

    public Map<String, Object> get(String id) {
        DetectorStore.StoredDetector stored = store.get(id);
        return detectorResponse(id, stored.detector(), store.state(id).name());
    }

    public Map<String, Object> update(String id, Map<String, Object> body) {
        DetectorStore.StoredDetector previous = store.get(id);
        String state = store.state(id).name();
        Detector detector = Detector.parse(body, types);
        boolean labelsOnly = withoutLabels(detector).equals(withoutLabels(previous.detector()));
        if ((state.equals(DetectorState.RUNNING.label()) || state.equals(DetectorState.TRAINING.label())) && labelsOnly == false) {
            throw new OpenSearchStatusException(
                "detector [" + id + "] is " + state + ": stop it before changing it (only [class_labels] may change meanwhile)",
                RestStatus.CONFLICT
            );
        }
        validator.checkMappedTypes(detector.source());
        store.update(id, detector, previous, clock.getAsLong());
        return detectorResponse(id, detector, state);
    }

    /** Class labels name what the model found; they change nothing the model or the job depends on. */
    private static Map<String, Object> withoutLabels(Detector detector) {
        Map<String, Object> map = detector.toMap();
        map.remove("class_labels");
        return map;
    }

    public Map<String, Object> delete(String id) {
        store.get(id);
        if (store.state(id).name().equals(DetectorState.TRAINING.label())) {
            throw new OpenSearchStatusException("detector [" + id + "] is training: delete it when training has ended", RestStatus.CONFLICT);
        }
        jobs.delete(id);
        realtimeCursors.remove(id);
        long models = checkpoints.deleteAll(id);
        cache.invalidate(id);
        store.delete(id);
        return Map.of("_id", id, "result", "deleted", "checkpoints_deleted", models);
    }

    public Map<String, Object> search(Map<String, Object> body) {
        new ConfigFields("", body, DETECTOR_SEARCH_FIELDS);
        SearchSourceBuilder source = searchSource(body);
        return toMap(store.search(source));
    }

    public Map<String, Object> validate(Map<String, Object> body) {
        Detector detector = Detector.parse(body, types);
        DetectorType type = types.get(detector.type(), "type");
        Map<String, Set<String>> mapped = validator.mappedTypes(detector.source());
        List<String> issues = new ArrayList<>(DetectorValidator.typeProblems(detector.source(), mapped));
        issues.addAll(validator.unmapped(detector.source(), mapped));
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> training = new LinkedHashMap<>();
        int minRows = type.minTrainingRows(detector.params());
        if (issues.isEmpty()) {
            long[] counts = trainingCounts(detector, minRows);
            training.put("documents", counts[0]);
            training.put("entities", counts[1]);
            training.put("entities_with_enough_data", counts[2]);
            training.put("min_points_per_entity", minRows);
            if (counts[2] == 0) {
                issues.add(
                    "[training] has not enough data: an entity needs at least " + minRows + " points; " + counts[0] + " documents in "
                        + counts[1] + " entities matched"
                );
            }
            long perEntity = Math.min(Math.max(counts[3], minRows), detector.training().maxSamples());
            result.put("estimated_training_bytes", type.estimateTrainingBytes(detector.params(), perEntity, detector.source().fields().size()));
            result.put("model_memory", cache.stats());
        }
        result.put("valid", issues.isEmpty());
        result.put("issues", issues);
        result.put("training", training);
        return result;
    }

    /** documents, entities, entities with at least minRows points, largest entity's points. */
    private long[] trainingCounts(Detector detector, int minRows) {
        DetectorSource source = detector.source();
        TrainingSpec training = detector.training();
        SearchSourceBuilder search = new SearchSourceBuilder().query(SourceReader.query(source, training.range(), training.query())).size(0).trackTotalHits(true);
        if (source.entityFields().isEmpty() == false) {
            List<CompositeValuesSourceBuilder<?>> sources = new ArrayList<>();
            for (String field : source.entityFields()) {
                sources.add(new TermsValuesSourceBuilder(field).field(field).missingBucket(true));
            }
            search.aggregation(new CompositeAggregationBuilder("entities", sources).size(10_000));
        }
        SearchResponse response = client.search(
            new SearchRequest(source.indices().toArray(new String[0])).source(search).indicesOptions(IndicesOptions.LENIENT_EXPAND_OPEN)
        ).actionGet();
        long documents = response.getHits().getTotalHits() == null ? 0 : response.getHits().getTotalHits().value();
        if (source.entityFields().isEmpty()) {
            return new long[] { documents, documents > 0 ? 1 : 0, documents >= minRows ? 1 : 0, documents };
        }
        CompositeAggregation entities = response.getAggregations().get("entities");
        long enough = 0;
        long largest = 0;
        for (var bucket : entities.getBuckets()) {
            largest = Math.max(largest, bucket.getDocCount());
            if (bucket.getDocCount() >= minRows) {
                enough++;
            }
        }
        return new long[] { documents, entities.getBuckets().size(), enough, largest };
    }

    /** Starts training; refused up front (429) when the training data's estimated memory exceeds the model budget. */
    public Map<String, Object> train(String id, Executor executor) {
        DetectorStore.StoredDetector stored = store.get(id);
        Detector detector = stored.detector();
        DetectorType type = types.get(detector.type(), "type");
        long[] counts = trainingCounts(detector, type.minTrainingRows(detector.params()));
        long rows = Math.min(counts[3], detector.training().maxSamples());
        cache.checkFits(type.estimateTrainingBytes(detector.params(), rows, detector.source().fields().size()), "training detector [" + id + "]");
        Map<String, Object> state = trainer.start(stored, executor);
        return Map.of("_id", id, "state", state.get("state"));
    }

    public Map<String, Object> profile(String id) {
        DetectorStore.StoredDetector stored = store.get(id);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("_id", id);
        profile.put("name", stored.detector().name());
        profile.put("type", stored.detector().type());
        Map<String, Object> state = new LinkedHashMap<>(store.state(id).state());
        state.remove("detector_id");
        profile.putAll(state);
        profile.putIfAbsent("state", DetectorState.CREATED.label());
        var job = jobs.get(id);
        profile.put("job", job == null ? null : Map.of("enabled", job.isEnabled(), "interval", stored.detector().interval().getStringRep()));
        profile.put("model_memory", cache.stats());
        return profile;
    }

    public Map<String, Object> start(String id) {
        DetectorStore.StoredDetector stored = store.get(id);
        DetectorStore.StoredState current = store.state(id);
        String state = current.name();
        if (state.equals(DetectorState.RUNNING.label())) {
            return Map.of("_id", id, "state", state);
        }
        if (state.equals(DetectorState.TRAINED.label()) == false && state.equals(DetectorState.STOPPED.label()) == false) {
            throw new OpenSearchStatusException("detector [" + id + "] is " + state + ": train it first (POST _plugins/_aiops/detectors/" + id + "/_train)", RestStatus.CONFLICT);
        }
        long now = clock.getAsLong();
        Map<String, Object> running = new LinkedHashMap<>(current.state());
        running.put("state", DetectorState.RUNNING.label());
        running.put("realtime_from", now - stored.detector().interval().millis());
        store.putState(id, running, current);
        jobs.enable(id, stored.detector(), now);
        return Map.of("_id", id, "state", DetectorState.RUNNING.label());
    }

    public Map<String, Object> stop(String id) {
        store.get(id);
        jobs.disable(id);
        realtimeCursors.remove(id);
        store.updateState(id, state -> {
            if (DetectorState.RUNNING.label().equals(state.get("state"))) {
                state.put("state", DetectorState.STOPPED.label());
            }
            return state;
        });
        return Map.of("_id", id, "state", store.state(id).name());
    }

    /** Scores a range now (history); the same scoring the job runs. */
    public Map<String, Object> run(String id, Map<String, Object> body) {
        DetectorStore.StoredDetector stored = store.get(id);
        TimeRange range = TimeRange.read(new ConfigFields("", body, Set.of("from", "to")));
        Map<String, Object> summary = new LinkedHashMap<>(scorer.run(stored, store.state(id), range, DetectorScorer.Cursor.fresh()));
        summary.put("_id", id);
        return summary;
    }

    /** Intervals a real-time run reads back: points indexed up to this late are still scored. */
    static final int LATE_INTERVALS = 10;

    /**
     * The job's work: scores the windows that are new since the last run. It reads {@link #LATE_INTERVALS} back, not
     * from where the last run ended, because a point can be indexed after a run has passed its timestamp; the cursor
     * keeps each window from being scored twice.
     */
    public void runScheduled(String id) {
        DetectorStore.StoredDetector stored = store.get(id);
        DetectorStore.StoredState state = store.state(id);
        if (DetectorState.RUNNING.label().equals(state.name()) == false) {
            return;
        }
        long now = clock.getAsLong();
        long interval = stored.detector().interval().millis();
        long startedFrom = state.state().get("realtime_from") instanceof Number n ? n.longValue() : now - interval;
        long from = Math.max(startedFrom, now - LATE_INTERVALS * interval);
        if (from >= now) {
            return;
        }
        // the run records itself in the state (last_run, whose "to" is where this run ended)
        scorer.run(stored, state, new TimeRange(from, now), realtimeCursors.computeIfAbsent(id, k -> DetectorScorer.Cursor.fresh()));
    }

    public Map<String, Object> searchResults(Map<String, Object> body) {
        ConfigFields fields = new ConfigFields("", body, RESULT_SEARCH_FIELDS);
        List<String> detectorIds = fields.stringList("detector_ids");
        Map<String, Object> query = fields.optionalMap("query");
        Map<String, Object> search = new LinkedHashMap<>(body);
        search.remove("detector_ids");
        List<Object> filters = new ArrayList<>();
        if (detectorIds.isEmpty() == false) {
            filters.add(Map.of("terms", Map.of("detector_id", detectorIds)));
        }
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("filter", filters);
        if (query.isEmpty() == false) {
            bool.put("must", List.of(query));
        }
        search.put("query", Map.of("bool", bool));
        SearchRequest request = new SearchRequest(AiopsIndices.RESULTS + "*").source(searchSource(search))
            .indicesOptions(IndicesOptions.LENIENT_EXPAND_OPEN);
        return toMap(client.search(request).actionGet());
    }

    /** The highest scores of a detector in a range, grouped by entity. */
    public Map<String, Object> top(String id, Map<String, String> params) {
        DetectorStore.StoredDetector stored = store.get(id);
        long now = clock.getAsLong();
        long from = params.get("from") == null ? now - 24 * 3600_000L : TimeRange.parse(parseNumberOrText(params.get("from")), "from");
        long to = params.get("to") == null ? now : TimeRange.parse(parseNumberOrText(params.get("to")), "to");
        new TimeRange(from, to);
        int size = intParam(params, "size", 10, 1, 1000);
        SearchSourceBuilder search = new SearchSourceBuilder().size(0)
            .query(
                QueryBuilders.boolQuery()
                    .filter(QueryBuilders.termQuery("detector_id", id))
                    .filter(QueryBuilders.rangeQuery("data_end_time").gte(from).lt(to).format("epoch_millis"))
            )
            .aggregation(
                AggregationBuilders.terms("entities")
                    .field("entity_key")
                    .size(size)
                    .order(BucketOrder.aggregation("max_score", false))
                    .subAggregation(AggregationBuilders.max("max_score").field("score"))
                    .subAggregation(AggregationBuilders.filter("anomalies", QueryBuilders.termQuery("is_anomaly", true)))
                    .subAggregation(AggregationBuilders.topHits("top").size(3).sort("score", SortOrder.DESC))
            );
        SearchResponse response = client.search(
            new SearchRequest(stored.detector().resultIndex() + "*").source(search).indicesOptions(IndicesOptions.LENIENT_EXPAND_OPEN)
        ).actionGet();
        Map<String, Object> map = toMap(response);
        List<Map<String, Object>> buckets = new ArrayList<>();
        Object aggs = map.get("aggregations");
        if (aggs instanceof Map<?, ?> aggMap && aggMap.get("entities") instanceof Map<?, ?> entities && entities.get("buckets") instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> bucket = (Map<?, ?>) item;
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("entity_key", bucket.get("key"));
                out.put("max_score", ((Map<?, ?>) bucket.get("max_score")).get("value"));
                out.put("anomalies", ((Map<?, ?>) bucket.get("anomalies")).get("doc_count"));
                List<Object> top = new ArrayList<>();
                for (Object hit : (List<?>) ((Map<?, ?>) ((Map<?, ?>) bucket.get("top")).get("hits")).get("hits")) {
                    Map<?, ?> hitMap = (Map<?, ?>) hit;
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("_id", hitMap.get("_id"));
                    doc.putAll((Map<String, Object>) hitMap.get("_source"));
                    top.add(doc);
                }
                if (top.isEmpty() == false && top.get(0) instanceof Map<?, ?> first && first.get("entity") != null) {
                    out.put("entity", first.get("entity"));
                }
                out.put("top", top);
                buckets.add(out);
            }
        }
        return Map.of("_id", id, "from", from, "to", to, "buckets", buckets);
    }

    private static Object parseNumberOrText(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static int intParam(Map<String, String> params, String name, int fallback, int min, int max) {
        String text = params.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("[" + name + "] must be an integer in [" + min + ", " + max + "], got [" + text + "]");
    }

    private static Map<String, Object> detectorResponse(String id, Detector detector, String state) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("_id", id);
        response.put("detector", detector.toMap());
        response.put("state", state);
        return response;
    }

    /** A search body (query, size, sort, aggs…) parsed with the node's registry of queries and aggregations. */
    private SearchSourceBuilder searchSource(Map<String, Object> body) {
        try (
            XContentParser parser = JsonXContent.jsonXContent.createParser(
                xContentRegistry,
                DeprecationHandler.IGNORE_DEPRECATIONS,
                DetectorJson.toJson(body)
            )
        ) {
            return SearchSourceBuilder.fromXContent(parser);
        } catch (IOException e) {
            throw new IllegalArgumentException("search body is not valid: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> toMap(SearchResponse response) {
        try (XContentBuilder builder = XContentFactory.jsonBuilder()) {
            response.toXContent(builder, ToXContent.EMPTY_PARAMS);
            return XContentHelper.convertToMap(BytesReference.bytes(builder), false, MediaTypeRegistry.JSON).v2();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
