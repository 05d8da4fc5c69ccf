package org.opensearch.aiops.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.index.IndexResponse;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.PlainActionFuture;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.common.xcontent.support.XContentMapValues;
import org.opensearch.core.action.ActionListener;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.SearchSourceBuilder;

/** Fitted PCA projections: fitted from stored embeddings, kept in the projections index, cached by name. */
public final class ProjectionStore {

    public static final String INDEX = AiopsIndices.PROJECTIONS;

    private final SystemIndexAccess access;
    private final Map<String, PcaProjection> cache = new ConcurrentHashMap<>();

    public ProjectionStore(SystemIndexAccess access) {
        this.access = access;
    }

    /** Reads up to {@code maxSamples} vectors of {@code field} from {@code index} (system indices included). */
    public void sampleVectors(String index, String field, int maxSamples, ActionListener<List<float[]>> listener) {
        SearchSourceBuilder source = new SearchSourceBuilder().size(maxSamples).fetchSource(new String[] { field }, null);
        access.<SearchResponse>run(l -> access.client().search(new SearchRequest(index).source(source), l), ActionListener.wrap(response -> {
            List<float[]> vectors = new ArrayList<>();
            for (SearchHit hit : response.getHits().getHits()) {
                Object value = XContentMapValues.extractValue(field, hit.getSourceAsMap());
                if (value instanceof List<?> list && list.isEmpty() == false && list.get(0) instanceof Number) {
                    vectors.add(PcaProjection.floats(list));
                }
            }
            listener.onResponse(vectors);
        }, listener::onFailure));
    }

    public void save(PcaProjection projection, String sourceIndex, String sourceField, long now, ActionListener<Void> listener) {
        Map<String, Object> document = new java.util.LinkedHashMap<>(projection.toSource());
        document.put("source_index", sourceIndex);
        document.put("source_field", sourceField);
        document.put("fitted_at", now);
        IndexRequest request = new IndexRequest(INDEX).id(projection.name()).source(document).setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        access.ensure(INDEX, ActionListener.wrap(ignored -> access.<IndexResponse>run(l -> access.client().index(request, l), ActionListener.wrap(r -> {
            cache.put(projection.name(), projection);
            listener.onResponse(null);
        }, listener::onFailure)), listener::onFailure));
    }

    /**
     * The named projection, loaded once and cached. Blocking (bounded) on first use, as processors are synchronous.
     * @throws IllegalArgumentException naming the projection when it does not exist
     */
    public PcaProjection get(String name) {
        PcaProjection cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        if (access.exists(INDEX) == false) {
            throw missing(name);
        }
        PlainActionFuture<GetResponse> future = PlainActionFuture.newFuture();
        access.<GetResponse>run(l -> access.client().get(new GetRequest(INDEX, name), l), future);
        GetResponse response = future.actionGet(10, TimeUnit.SECONDS);
        if (response.isExists() == false) {
            throw missing(name);
        }
        PcaProjection projection = PcaProjection.fromSource(response.getSourceAsMap());
        cache.put(name, projection);
        return projection;
    }

    private static IllegalArgumentException missing(String name) {
        return new IllegalArgumentException("pca projection [" + name + "] not found; fit one with POST _plugins/_aiops/code_context/_fit_pca");
    }
}
