package org.opensearch.aiops.detector.metric;

import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.apache.lucene.util.hnsw.UpdateableRandomVectorScorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Nearest training windows by Euclidean distance: exact below {@link #EXACT_BELOW} windows, else a Lucene HNSW graph
 * ({@link OnHeapHnswGraph}) searched with {@link HnswGraphSearcher}'s thread-safe on-heap search. Only the vectors are
 * serialised; the graph is rebuilt from them with a fixed seed on load (see BENCHMARKS.md for the rebuild cost).
 */
final class NeighbourIndex {
    /** Below this many windows a linear scan costs less than building the graph (training searches every window) and is exact. */
    static final int EXACT_BELOW = 5000;
    static final int MAX_CONN = 16;
    static final int BEAM_WIDTH = 100;
    /** Candidates kept during a graph search; more costs throughput, fewer costs recall. */
    static final int MIN_SEARCH_BEAM = 24;
    private static final long SEED = 42L;

    private final float[][] vectors;
    private final int dim;
    private final OnHeapHnswGraph graph;

    NeighbourIndex(float[][] vectors) {
        this(vectors, vectors.length >= EXACT_BELOW);
    }

    NeighbourIndex(float[][] vectors, boolean useGraph) {
        if (vectors.length == 0) {
            throw new IllegalArgumentException("no training windows");
        }
        this.vectors = vectors;
        this.dim = vectors[0].length;
        this.graph = useGraph ? buildGraph() : null;
    }

    int size() {
        return vectors.length;
    }

    int dimension() {
        return dim;
    }

    float[] vector(int ord) {
        return vectors[ord];
    }

    float[][] vectors() {
        return vectors;
    }

    boolean usesGraph() {
        return graph != null;
    }

    /** The {@code k} nearest training windows of {@code query}, closest first, leaving out ordinal {@code exclude} (-1: none). */
    Neighbours search(float[] query, int k, int exclude) {
        int want = Math.min(k, exclude >= 0 ? vectors.length - 1 : vectors.length);
        return graph == null ? exact(query, want, exclude) : approximate(query, want, exclude);
    }

    private Neighbours exact(float[] query, int k, int exclude) {
        // Insertion into a sorted array of the k best: k is small next to the scan.
        int[] ords = new int[k];
        float[] dist = new float[k];
        Arrays.fill(dist, Float.POSITIVE_INFINITY);
        for (int i = 0; i < vectors.length; i++) {
            if (i == exclude) {
                continue;
            }
            float d = VectorUtil.squareDistance(query, vectors[i]);
            if (d < dist[k - 1]) {
                int j = k - 1;
                while (j > 0 && dist[j - 1] > d) {
                    dist[j] = dist[j - 1];
                    ords[j] = ords[j - 1];
                    j--;
                }
                dist[j] = d;
                ords[j] = i;
            }
        }
        for (int i = 0; i < k; i++) {
            dist[i] = (float) Math.sqrt(dist[i]);
        }
        return new Neighbours(ords, dist);
    }

    private Neighbours approximate(float[] query, int k, int exclude) {
        int beam = Math.max(MIN_SEARCH_BEAM, k + 1 + k / 2);
        RandomVectorScorer scorer = new RandomVectorScorer() {
            @Override
            public float score(int node) {
                return similarity(VectorUtil.squareDistance(query, vectors[node]));
            }

            @Override
            public int maxOrd() {
                return vectors.length;
            }
        };
        ScoreDoc[] docs;
        try {
            KnnCollector collector = HnswGraphSearcher.search(scorer, beam, graph, null, Integer.MAX_VALUE);
            docs = collector.topDocs().scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // on-heap vectors: cannot happen
        }
        int[] ords = new int[k];
        float[] dist = new float[k];
        int n = 0;
        for (int i = 0; i < docs.length && n < k; i++) { // best first
            if (docs[i].doc == exclude) {
                continue;
            }
            ords[n] = docs[i].doc;
            dist[n] = (float) Math.sqrt(VectorUtil.squareDistance(query, vectors[docs[i].doc]));
            n++;
        }
        if (n < k) {
            ords = Arrays.copyOf(ords, n);
            dist = Arrays.copyOf(dist, n);
        }
        return new Neighbours(ords, dist);
    }

    /** Lucene's Euclidean similarity: higher is closer. */
    private static float similarity(float squareDistance) {
        return 1f / (1f + squareDistance);
    }

    private OnHeapHnswGraph buildGraph() {
        RandomVectorScorerSupplier supplier = new RandomVectorScorerSupplier() {
            @Override
            public UpdateableRandomVectorScorer scorer() {
                return new UpdateableRandomVectorScorer() {
                    private float[] from;

                    @Override
                    public void setScoringOrdinal(int node) {
                        from = vectors[node];
                    }

                    @Override
                    public float score(int node) {
                        return similarity(VectorUtil.squareDistance(from, vectors[node]));
                    }

                    @Override
                    public int maxOrd() {
                        return vectors.length;
                    }
                };
            }

            @Override
            public RandomVectorScorerSupplier copy() {
                return this;
            }
        };
        try {
            return HnswGraphBuilder.create(supplier, MAX_CONN, BEAM_WIDTH, SEED).build(vectors.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long ramBytes() {
        long v = (long) vectors.length * (16L + 8L + 4L * dim);
        return v + (graph == null ? 0 : graph.ramBytesUsed());
    }
}
