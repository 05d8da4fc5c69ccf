/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.index.IndexResponse;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.common.xcontent.support.XContentMapValues;
import org.opensearch.core.action.ActionListener;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.SearchSourceBuilder;

/**
 * Fitted PCA projections: fitted from stored embeddings, kept in the projections index, cached by
 * name. Reads never wait: ingest threads get a cached projection or a listener called when the
 * index answers. A cached projection is read again in the background once it is {@link
 * #REFRESH_MILLIS} old, so a {@code _fit_pca} on another node reaches this one within that time (on
 * the fitting node at once).
 */
public final class ProjectionStore {

    public static final String INDEX = AiopsIndices.PROJECTIONS;
    static final long REFRESH_MILLIS = 30_000;
    private static final Logger LOG = LogManager.getLogger(ProjectionStore.class);

    private record Cached(PcaProjection projection, long loadedAt) {}

    private final SystemIndexAccess access;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * Reads under way by name, with the listeners waiting for each: one index read per projection
     * at a time.
     */
    private final Map<String, List<ActionListener<PcaProjection>>> loading =
            new ConcurrentHashMap<>();

    public ProjectionStore(SystemIndexAccess access, LongSupplier clock) {
        this.access = access;
        this.clock = clock;
    }

    /**
     * Reads up to {@code maxSamples} vectors of {@code field} from {@code index} (system indices
     * included).
     */
    public void sampleVectors(
            String index, String field, int maxSamples, ActionListener<List<float[]>> listener) {
        SearchSourceBuilder source =
                new SearchSourceBuilder().size(maxSamples).fetchSource(new String[] {field}, null);
        access.<SearchResponse>run(
                l -> access.client().search(new SearchRequest(index).source(source), l),
                ActionListener.wrap(
                        response -> {
                            List<float[]> vectors = new ArrayList<>();
                            for (SearchHit hit : response.getHits().getHits()) {
                                Object value =
                                        XContentMapValues.extractValue(field, hit.getSourceAsMap());
                                if (value instanceof List<?> list
                                        && list.isEmpty() == false
                                        && list.get(0) instanceof Number) {
                                    vectors.add(PcaProjection.floats(list));
                                }
                            }
                            listener.onResponse(vectors);
                        },
                        listener::onFailure));
    }

    public void save(
            PcaProjection projection,
            String sourceIndex,
            String sourceField,
            long now,
            ActionListener<Void> listener) {
        Map<String, Object> document = new java.util.LinkedHashMap<>(projection.toSource());
        document.put("source_index", sourceIndex);
        document.put("source_field", sourceField);
        document.put("fitted_at", now);
        IndexRequest request =
                new IndexRequest(INDEX)
                        .id(projection.name())
                        .source(document)
                        .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        access.ensure(
                INDEX,
                ActionListener.wrap(
                        ignored ->
                                access.<IndexResponse>run(
                                        l -> access.client().index(request, l),
                                        ActionListener.wrap(
                                                r -> {
                                                    cache.put(
                                                            projection.name(),
                                                            new Cached(
                                                                    projection, clock.getAsLong()));
                                                    listener.onResponse(null);
                                                },
                                                listener::onFailure)),
                        listener::onFailure));
    }

    /**
     * The named projection: at once from memory, else when the projections index answers. Fails
     * with an {@link IllegalArgumentException} naming the projection when it does not exist.
     */
    public void get(String name, ActionListener<PcaProjection> listener) {
        Cached cached = cache.get(name);
        if (cached == null) {
            load(name, listener);
            return;
        }
        if (clock.getAsLong() - cached.loadedAt() >= REFRESH_MILLIS) {
            load(
                    name,
                    ActionListener.wrap(
                            p -> {},
                            e ->
                                    LOG.debug(
                                            "refreshing pca projection [{}] failed; the cached one stays",
                                            name,
                                            e)));
        }
        listener.onResponse(cached.projection());
    }

    /**
     * Starts reading a projection a pipeline names, so that its first document finds it in memory.
     */
    public void preload(String name) {
        if (cache.containsKey(name) == false) {
            load(
                    name,
                    ActionListener.wrap(
                            p -> {},
                            e ->
                                    LOG.debug(
                                            "pca projection [{}] not loaded ahead; documents will load it",
                                            name,
                                            e)));
        }
    }

    private void load(String name, ActionListener<PcaProjection> listener) {
        List<ActionListener<PcaProjection>> waiting = new ArrayList<>();
        waiting.add(listener);
        List<ActionListener<PcaProjection>> joined =
                loading.compute(
                        name,
                        (n, current) -> {
                            if (current == null) {
                                return waiting;
                            }
                            synchronized (current) {
                                current.add(listener);
                            }
                            return current;
                        });
        if (joined != waiting) {
            return; // a read is under way; it answers this listener too
        }
        ActionListener<PcaProjection> all =
                ActionListener.wrap(
                        projection -> {
                            cache.put(name, new Cached(projection, clock.getAsLong()));
                            answer(name, l -> l.onResponse(projection));
                        },
                        e -> answer(name, l -> l.onFailure(e)));
        if (access.exists(INDEX) == false) {
            all.onFailure(missing(name));
            return;
        }
        access.<GetResponse>run(
                l -> access.client().get(new GetRequest(INDEX, name), l),
                ActionListener.wrap(
                        response -> {
                            if (response.isExists() == false) {
                                all.onFailure(missing(name));
                                return;
                            }
                            PcaProjection projection;
                            try {
                                projection = PcaProjection.fromSource(response.getSourceAsMap());
                            } catch (RuntimeException e) {
                                all.onFailure(e);
                                return;
                            }
                            all.onResponse(projection);
                        },
                        all::onFailure));
    }

    private void answer(String name, Consumer<ActionListener<PcaProjection>> call) {
        List<ActionListener<PcaProjection>> waiting = loading.remove(name);
        if (waiting == null) {
            return; // answered already (a listener threw and the wrapper reported it as a failure)
        }
        synchronized (waiting) {
            waiting.forEach(call);
        }
    }

    private static IllegalArgumentException missing(String name) {
        return new IllegalArgumentException(
                "pca projection ["
                        + name
                        + "] not found; fit one with POST _plugins/_aiops/code_context/_fit_pca");
    }
}
