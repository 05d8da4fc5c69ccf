/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;
import org.apache.lucene.util.hnsw.UpdateableRandomVectorScorer;

/**
 * Nearest training windows by Euclidean distance. Exact by default: the windows are sorted by their
 * projection on the principal direction, and a query scans outwards from its own projection in
 * blocks (up to {@link #BLOCK} windows), stopping when the projection gap alone exceeds its k-th
 * distance (the gap is a lower bound of the distance). The sorted windows are stored one array per
 * dimension, so a block's distances are one loop over windows that the JIT vectorises; metric
 * windows are dominated by their level, so a query reads a small slice of the set. A Lucene HNSW
 * graph ({@link OnHeapHnswGraph}, rebuilt from the vectors with a fixed seed on load) answers
 * instead from {@link #GRAPH_FROM} windows at any dimension (the scanned slice grows with the set),
 * and above {@link #MAX_SCAN_DIMENSION} dimensions from {@link #EXACT_BELOW} windows (one
 * projection prunes little there).
 */
final class NeighbourIndex {
    /**
     * Below this many windows a linear scan costs less than building the graph (training searches
     * every window) and is exact.
     */
    static final int EXACT_BELOW = 5000;

    /** Up to this many dimensions the projected scan is used below {@link #GRAPH_FROM} windows. */
    static final int MAX_SCAN_DIMENSION = 64;

    /**
     * From this many windows the graph answers whatever the dimension. Measured with the blocked
     * scan (BENCHMARKS.md): up to 400,000 windows the scan scores faster than the graph (16,200
     * against 13,400 points/s there), trains 6x and loads 35x faster, takes a quarter of the memory
     * and is exact; at 1,000,000 the graph scores 1.6x faster.
     */
    static final int GRAPH_FROM = 500_000;

    private static final float BOUND_SLACK = 0.9999f;

    /**
     * Windows whose distances are computed together: long enough for the JIT's unrolled vector
     * loop, short enough that a query near the edge of its band reads few windows past it (with
     * blocks of one size, 128 searched the benchmark's windows 1.1-1.3x faster than 64 or 256).
     */
    static final int BLOCK = 128;

    /**
     * Each side's first block; blocks double up to {@link #BLOCK}. Where the projection alone
     * separates the windows (one dimension) a query reads little more than k windows, and full
     * first blocks made it 2-4x slower; on the benchmark's 8 dimensions starting at 16 costs 3 %.
     */
    static final int FIRST_BLOCK = 16;

    static final int MAX_CONN = 16;
    static final int BEAM_WIDTH = 100;

    /**
     * Build beam up to {@link #MAX_SCAN_DIMENSION} dimensions: a graph of a million 8-dimensional
     * windows took 210 s to build with beam 100 on 2 shared cores; low-dimensional windows keep
     * recall with a narrower beam.
     */
    static final int LOW_DIM_BEAM_WIDTH = 24;

    /** Candidates kept during a graph search; more costs throughput, fewer costs recall. */
    static final int MIN_SEARCH_BEAM = 24;

    private static final long SEED = 42L;

    private final float[][] vectors;
    private final int dim;
    private final OnHeapHnswGraph graph;
    // projected scan: centre, the leading principal direction (unit), keys on it in ascending
    // order, their ordinals, and
    // the vectors in that order, one array per dimension
    private final float[] centre;
    private final float[] direction;
    private final float[] sortedKeys;
    private final int[] sortedOrds;
    private final float[][] sortedColumns;

    NeighbourIndex(float[][] vectors) {
        this(vectors, usesGraph(vectors.length, vectors[0].length));
    }

    /**
     * Whether a set of {@code n} windows of {@code dim} dimensions is searched through the HNSW
     * graph.
     */
    static boolean usesGraph(int n, int dim) {
        return n >= GRAPH_FROM || (n >= EXACT_BELOW && dim > MAX_SCAN_DIMENSION);
    }

    NeighbourIndex(float[][] vectors, boolean useGraph) {
        if (vectors.length == 0) {
            throw new IllegalArgumentException("no training windows");
        }
        this.vectors = vectors;
        this.dim = vectors[0].length;
        this.graph = useGraph ? buildGraph() : null;
        int n = vectors.length;
        this.centre = new float[dim];
        for (float[] v : vectors) {
            for (int d = 0; d < dim; d++) {
                centre[d] += v[d] / n;
            }
        }
        this.direction = principalDirection(vectors, centre);
        Integer[] order = new Integer[n];
        float[] keys = new float[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            keys[i] = key(vectors[i]);
        }
        Arrays.sort(order, (a, b) -> Float.compare(keys[a], keys[b]));
        this.sortedKeys = new float[n];
        this.sortedOrds = new int[n];
        this.sortedColumns = new float[dim][n];
        for (int i = 0; i < n; i++) {
            sortedOrds[i] = order[i];
            sortedKeys[i] = keys[order[i]];
            for (int d = 0; d < dim; d++) {
                sortedColumns[d][i] = vectors[order[i]][d];
            }
        }
    }

    /**
     * Unit vector of the largest variance, by power iteration from the all-ones direction (a
     * window's level).
     */
    private static float[] principalDirection(float[][] vectors, float[] centre) {
        int dim = centre.length;
        double[] u = new double[dim];
        Arrays.fill(u, 1);
        normalise(u);
        int stride = Math.max(1, vectors.length / 4096); // a sample is enough for a direction
        for (int iter = 0; iter < 30; iter++) {
            double[] next = new double[dim];
            for (int i = 0; i < vectors.length; i += stride) {
                float[] v = vectors[i];
                double dot = 0;
                for (int d = 0; d < dim; d++) {
                    dot += (v[d] - centre[d]) * u[d];
                }
                for (int d = 0; d < dim; d++) {
                    next[d] += dot * (v[d] - centre[d]);
                }
            }
            if (normalise(next) == false) {
                break; // no variance: the start direction prunes as well as another
            }
            u = next;
        }
        float[] out = new float[dim];
        for (int d = 0; d < dim; d++) {
            out[d] = (float) u[d];
        }
        return out;
    }

    /** Scales to unit length; false when the vector is zero. */
    private static boolean normalise(double[] u) {
        double norm = 0;
        for (double x : u) {
            norm += x * x;
        }
        if (norm < 1e-20) {
            return false;
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < u.length; d++) {
            u[d] /= norm;
        }
        return true;
    }

    /** Projection on the principal direction. */
    private float key(float[] v) {
        float k = 0;
        for (int d = 0; d < dim; d++) {
            k += (v[d] - centre[d]) * direction[d];
        }
        return k;
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

    /**
     * The {@code k} nearest training windows of {@code query}, closest first, leaving out ordinal
     * {@code exclude} (-1: none).
     */
    Neighbours search(float[] query, int k, int exclude) {
        int want = Math.min(k, exclude >= 0 ? vectors.length - 1 : vectors.length);
        return graph == null ? exact(query, want, exclude) : approximate(query, want, exclude);
    }

    private Neighbours exact(float[] query, int k, int exclude) {
        // Insertion into a sorted array of the k best (squared distances, sorted positions): k is
        // small next to the scan.
        int[] best = new int[k];
        float[] dist = new float[k];
        Arrays.fill(best, -1);
        Arrays.fill(dist, Float.POSITIVE_INFINITY);
        float worst = Float.POSITIVE_INFINITY;
        double[] block =
                new double[FIRST_BLOCK]; // grown to BLOCK when a query reads past its first blocks
        float q = key(query);
        int split = lowerBound(q);
        int lo = split; // the left side still to read is [0, lo), the right side [hi, n)
        int hi = split;
        int n = sortedKeys.length;
        int leftBlock = FIRST_BLOCK;
        int rightBlock = FIRST_BLOCK;
        while (lo > 0 || hi < n) {
            // next block: on the side whose nearest key is closer to the query's
            int from;
            int len;
            float gap;
            if (hi >= n || (lo > 0 && q - sortedKeys[lo - 1] <= sortedKeys[hi] - q)) {
                gap = q - sortedKeys[lo - 1];
                from = Math.max(0, lo - leftBlock);
                len = lo - from;
                lo = from;
                leftBlock = Math.min(2 * leftBlock, BLOCK);
            } else {
                gap = sortedKeys[hi] - q;
                from = hi;
                len = Math.min(n - hi, rightBlock);
                hi += len;
                rightBlock = Math.min(2 * rightBlock, BLOCK);
            }
            // the projection is a lower bound of the distance; the slack keeps float rounding from
            // pruning a tie
            if (gap * gap * BOUND_SLACK > worst) {
                break; // every window not yet read is at least this far along the direction alone
            }
            if (len > block.length) {
                block = new double[BLOCK];
            }
            squareDistances(query, from, len, block);
            for (int i = 0; i < len; i++) {
                float d = (float) block[i];
                int p = from + i;
                if (d > worst
                        || sortedOrds[p] == exclude
                        || (d == worst && readsBefore(p, best[k - 1], q, split) == false)) {
                    continue;
                }
                int j = k - 1;
                while (j > 0
                        && (dist[j - 1] > d
                                || (dist[j - 1] == d && readsBefore(p, best[j - 1], q, split)))) {
                    dist[j] = dist[j - 1];
                    best[j] = best[j - 1];
                    j--;
                }
                dist[j] = d;
                best[j] = p;
                worst = dist[k - 1];
            }
        }
        int[] ords = new int[k];
        for (int i = 0; i < k; i++) {
            ords[i] = best[i] < 0 ? 0 : sortedOrds[best[i]];
            dist[i] = (float) Math.sqrt(dist[i]);
        }
        return new Neighbours(ords, dist);
    }

    /**
     * Whether a one-by-one scan outwards from {@code split} reads sorted position {@code a} before
     * {@code b} (-1: never read): by projection gap, the left side first on equal gaps. Equal
     * distances go to the window read first, so the neighbours, ties included, do not depend on the
     * block size (and are those of the one-by-one scan this replaced).
     */
    private boolean readsBefore(int a, int b, float q, int split) {
        if (b < 0) {
            return false;
        }
        float gapA = a < split ? q - sortedKeys[a] : sortedKeys[a] - q;
        float gapB = b < split ? q - sortedKeys[b] : sortedKeys[b] - q;
        if (gapA != gapB) {
            return gapA < gapB;
        }
        if ((a < split) != (b < split)) {
            return a < split;
        }
        return a < split ? a > b : a < b;
    }

    /** First position whose key is at least {@code q}. */
    private int lowerBound(float q) {
        int lo = 0;
        int hi = sortedKeys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedKeys[mid] < q) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Squared distances from {@code query} to the {@code len} sorted windows from position {@code
     * from}, into {@code out}. Loops over windows, four dimensions at a time, so the JIT vectorises
     * them across windows; the sum runs in the order of a row-by-row loop (four squares, then added
     * to the total), so the distances do not depend on the layout. The sums are float sums: {@code
     * out} is a double array only because the JIT does not vectorise a loop that reads float arrays
     * at {@code from + i} and writes a float array at {@code i} (it cannot tell they are different
     * arrays).
     */
    private void squareDistances(float[] query, int from, int len, double[] out) {
        Arrays.fill(out, 0, len, 0);
        int d = 0;
        for (; d + 4 <= dim; d += 4) {
            float[] c0 = sortedColumns[d];
            float[] c1 = sortedColumns[d + 1];
            float[] c2 = sortedColumns[d + 2];
            float[] c3 = sortedColumns[d + 3];
            float q0 = query[d];
            float q1 = query[d + 1];
            float q2 = query[d + 2];
            float q3 = query[d + 3];
            for (int i = 0; i < len; i++) {
                float a = q0 - c0[from + i];
                float b = q1 - c1[from + i];
                float c = q2 - c2[from + i];
                float e = q3 - c3[from + i];
                out[i] = (float) out[i] + (a * a + b * b + c * c + e * e);
            }
        }
        for (; d < dim; d++) {
            float[] c0 = sortedColumns[d];
            float q0 = query[d];
            for (int i = 0; i < len; i++) {
                float a = q0 - c0[from + i];
                out[i] = (float) out[i] + a * a;
            }
        }
    }

    private Neighbours approximate(float[] query, int k, int exclude) {
        int beam = Math.max(MIN_SEARCH_BEAM, k + 1 + k / 2);
        RandomVectorScorer scorer =
                new RandomVectorScorer() {
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
            KnnCollector collector =
                    HnswGraphSearcher.search(scorer, beam, graph, null, Integer.MAX_VALUE);
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
        RandomVectorScorerSupplier supplier =
                new RandomVectorScorerSupplier() {
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
            return HnswGraphBuilder.create(
                            supplier,
                            MAX_CONN,
                            dim > MAX_SCAN_DIMENSION ? BEAM_WIDTH : LOW_DIM_BEAM_WIDTH,
                            SEED)
                    .build(vectors.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long ramBytes() {
        long n = vectors.length;
        long v =
                n * (16L + 8L + 4L * dim)
                        + n * 4L * dim
                        + 16L * dim
                        + 8L * n; // rows, sorted columns, keys and ords
        return v + (graph == null ? 0 : graph.ramBytesUsed());
    }
}
