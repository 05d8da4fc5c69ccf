/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.context.CodeContextText;
import org.opensearch.aiops.context.PcaProjection;
import org.opensearch.aiops.detector.input.SpanCodeContext;
import org.opensearch.aiops.engine.SentenceEmbedder;

/**
 * Code-context texts as the {@code code_context} processor and {@code _fit_pca} make them: each
 * distinct text embedded once with the bundled MiniLM, a PCA fitted on the distinct normal texts'
 * vectors (95 % of the variance, as {@code _fit_pca} defaults), every context projected with it.
 */
public final class CodeContextVectors {

    public static final double VARIANCE = 0.95;

    private final SentenceEmbedder embedder;
    private final Map<String, float[]> vectors = new HashMap<>();
    private PcaProjection projection;
    private double embedSeconds;

    public CodeContextVectors(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    /** Embeds those of {@code texts} not embedded yet. */
    public void embed(Collection<String> texts) throws Exception {
        List<String> fresh = new ArrayList<>();
        for (String t : new LinkedHashSet<>(texts)) {
            if (vectors.containsKey(t) == false) {
                fresh.add(t);
            }
        }
        long start = System.nanoTime();
        float[][] out = embedder.embed(fresh);
        embedSeconds += (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < out.length; i++) {
            vectors.put(fresh.get(i), out[i]);
        }
    }

    /** Fits the projection on the distinct {@code normalTexts} (embedded first if needed). */
    public PcaProjection fit(Collection<String> normalTexts) throws Exception {
        embed(normalTexts);
        List<float[]> sample = new ArrayList<>();
        for (String t : new LinkedHashSet<>(normalTexts)) {
            sample.add(vectors.get(t));
        }
        projection = PcaProjection.fit("code-context", sample, VARIANCE);
        return projection;
    }

    /** The span's code context with its projection ({@link #fit} first). */
    public SpanCodeContext context(String text) {
        float[] vector = vectors.get(text);
        if (vector == null || projection == null) {
            throw new IllegalStateException("embed and fit before asking for [" + text + "]");
        }
        return new SpanCodeContext(
                text, CodeContextText.hash(text), null, projection.project(vector));
    }

    public int distinctTexts() {
        return vectors.size();
    }

    public double embedSeconds() {
        return embedSeconds;
    }
}
