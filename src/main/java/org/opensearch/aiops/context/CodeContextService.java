package org.opensearch.aiops.context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.opensearch.aiops.engine.SentenceEmbedder;
import org.opensearch.core.action.ActionListener;

/**
 * Embeddings of code contexts for the code_context processor: cached by context hash, computed with the bundled
 * sentence model on a miss, and (for {@code vector: reference}) written once per unique context to the contexts
 * index so that spans need to carry only the hash.
 */
public final class CodeContextService {

    private final SentenceEmbedder embedder;
    private final EmbeddingCache cache;
    private final CodeContextStore store;
    private final ProjectionStore projections;
    private final MlCommonsEmbedder mlCommons;
    private final LongAdder embedded = new LongAdder();

    public CodeContextService(
        SentenceEmbedder embedder,
        MlCommonsEmbedder mlCommons,
        CodeContextStore store,
        ProjectionStore projections,
        int cacheSize
    ) {
        this.embedder = embedder;
        this.mlCommons = mlCommons;
        this.store = store;
        this.projections = projections;
        this.cache = new EmbeddingCache(cacheSize);
    }

    /** The context's vector from an ML Commons model; cached per model, stored like bundled-model vectors. */
    public void vector(CodeContextText.CodeContext context, boolean reference, String modelId, ActionListener<float[]> listener) {
        String key = modelId + "/" + context.hash();
        float[] cached = cache.get(key);
        if (cached != null) {
            listener.onResponse(cached);
            return;
        }
        mlCommons.embed(
            modelId,
            List.of(context.text()),
            ActionListener.wrap(vectors -> listener.onResponse(remember(key, context, modelId, reference, vectors[0])), listener::onFailure)
        );
    }

    /** The vector through the named PCA projection. */
    public float[] reduce(String projection, float[] vector) {
        return projections.get(projection).project(vector);
    }

    /** The context's vector; on a cache miss it is computed (and stored when {@code reference}). */
    public float[] vector(CodeContextText.CodeContext context, boolean reference) throws Exception {
        float[] vector = cache.get(context.hash());
        if (vector != null) {
            return vector;
        }
        return remember(context.hash(), context, null, reference, embedder.embed(List.of(context.text()))[0]);
    }

    /** A freshly computed vector: cached, and stored once per context when the spans only reference it. */
    private float[] remember(String key, CodeContextText.CodeContext context, String modelId, boolean reference, float[] vector) {
        embedded.increment();
        cache.put(key, vector);
        if (reference) {
            store.writeOnce(context, modelId, vector);
        }
        return vector;
    }

    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        long hits = cache.hits();
        long misses = cache.misses();
        stats.put("cache_entries", cache.size());
        stats.put("cache_hits", hits);
        stats.put("cache_misses", misses);
        stats.put("cache_hit_rate", hits + misses == 0 ? 0.0 : (double) hits / (hits + misses));
        stats.put("texts_embedded", embedded.sum());
        stats.putAll(store.stats());
        return stats;
    }
}
