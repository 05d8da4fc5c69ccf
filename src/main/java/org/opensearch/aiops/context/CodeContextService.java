/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.opensearch.aiops.engine.SentenceEmbedder;
import org.opensearch.core.action.ActionListener;

/**
 * Embeddings of code contexts for the code_context processor: cached by context hash, computed with
 * the bundled sentence model on a miss, and (for {@code vector: reference}) written once per unique
 * context to the contexts index so that spans need to carry only the hash.
 */
public final class CodeContextService {

    private final SentenceEmbedder embedder;
    private final EmbeddingCache cache;
    private final CodeContextStore store;
    private final ProjectionStore projections;
    private final MlCommonsEmbedder mlCommons;
    private final LongAdder embedded = new LongAdder();
    private final LongAdder embedCalls = new LongAdder();

    public CodeContextService(
            SentenceEmbedder embedder,
            MlCommonsEmbedder mlCommons,
            CodeContextStore store,
            ProjectionStore projections,
            int cacheSize) {
        this.embedder = embedder;
        this.mlCommons = mlCommons;
        this.store = store;
        this.projections = projections;
        this.cache = new EmbeddingCache(cacheSize);
    }

    /**
     * The context's vector from an ML Commons model; cached per model, stored like bundled-model
     * vectors.
     */
    public void vector(
            CodeContextText.CodeContext context,
            boolean reference,
            String modelId,
            ActionListener<float[]> listener) {
        vectors(
                List.of(context),
                reference,
                modelId,
                ActionListener.wrap(
                        vectors -> listener.onResponse(vectors[0]), listener::onFailure));
    }

    /** The context's vector; on a cache miss it is computed (and stored when {@code reference}). */
    public float[] vector(CodeContextText.CodeContext context, boolean reference) throws Exception {
        return vectors(List.of(context), reference)[0];
    }

    /**
     * One vector per context, in order. The distinct contexts missing from the cache go to the
     * bundled model in one call (the misses of a whole {@code _bulk} request when the processor
     * runs batched).
     */
    public float[][] vectors(List<CodeContextText.CodeContext> contexts, boolean reference)
            throws Exception {
        Lookup lookup = new Lookup(contexts, null);
        if (lookup.missing.isEmpty() == false) {
            embedCalls.increment();
            lookup.fill(embedder.embed(lookup.missingTexts()), reference);
        }
        return lookup.vectors;
    }

    /**
     * Like {@link #vectors(List, boolean)} with a model deployed in ML Commons: one predict call
     * for all misses.
     */
    public void vectors(
            List<CodeContextText.CodeContext> contexts,
            boolean reference,
            String modelId,
            ActionListener<float[][]> listener) {
        Lookup lookup = new Lookup(contexts, modelId);
        if (lookup.missing.isEmpty()) {
            listener.onResponse(lookup.vectors);
            return;
        }
        embedCalls.increment();
        mlCommons.embed(
                modelId,
                lookup.missingTexts(),
                ActionListener.wrap(
                        computed -> {
                            lookup.fill(computed, reference);
                            listener.onResponse(lookup.vectors);
                        },
                        listener::onFailure));
    }

    /**
     * The named PCA projection, from memory or, without waiting, when the projections index
     * answers.
     */
    public void projection(String name, ActionListener<PcaProjection> listener) {
        projections.get(name, listener);
    }

    /** A pipeline names this projection: read it now, so that documents do not wait for it. */
    public void preloadProjection(String name) {
        projections.preload(name);
    }

    /**
     * Cache hits of a batch, and for each distinct missing context the positions that wait for its
     * vector.
     */
    private final class Lookup {
        final float[][] vectors;
        final String modelId;
        final Map<String, List<Integer>> missing = new LinkedHashMap<>();
        final Map<String, CodeContextText.CodeContext> missingContexts = new LinkedHashMap<>();

        Lookup(List<CodeContextText.CodeContext> contexts, String modelId) {
            this.vectors = new float[contexts.size()][];
            this.modelId = modelId;
            for (int i = 0; i < contexts.size(); i++) {
                CodeContextText.CodeContext context = contexts.get(i);
                String key = key(context);
                vectors[i] = missing.containsKey(key) ? null : cache.get(key);
                if (vectors[i] == null) {
                    missing.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                    missingContexts.putIfAbsent(key, context);
                }
            }
        }

        String key(CodeContextText.CodeContext context) {
            return modelId == null ? context.hash() : modelId + "/" + context.hash();
        }

        List<String> missingTexts() {
            List<String> texts = new ArrayList<>(missingContexts.size());
            for (CodeContextText.CodeContext context : missingContexts.values()) {
                texts.add(context.text());
            }
            return texts;
        }

        void fill(float[][] computed, boolean reference) {
            int next = 0;
            for (Map.Entry<String, List<Integer>> entry : missing.entrySet()) {
                float[] vector =
                        remember(
                                entry.getKey(),
                                missingContexts.get(entry.getKey()),
                                modelId,
                                reference,
                                computed[next++]);
                for (int position : entry.getValue()) {
                    vectors[position] = vector;
                }
            }
        }
    }

    /**
     * A freshly computed vector: cached, and stored once per context when the spans only reference
     * it.
     */
    private float[] remember(
            String key,
            CodeContextText.CodeContext context,
            String modelId,
            boolean reference,
            float[] vector) {
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
        stats.put("embed_calls", embedCalls.sum());
        stats.putAll(store.stats());
        return stats;
    }
}
