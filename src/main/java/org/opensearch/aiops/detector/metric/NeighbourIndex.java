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
 * Nearest training windows by Euclidean distance. Exact by default: the windows are sorted by their projection on the
 * principal direction, and a query scans outwards from its own projection, stopping when the projection gap alone exceeds
 * its k-th distance (the gap is a lower bound of the distance), skipping windows whose distance in the plane of the two
 * leading directions already exceeds it, and abandoning each distance as soon as it passes it. Metric windows are dominated by their level, so a query reads a small slice of the set. A Lucene HNSW
 * graph ({@link OnHeapHnswGraph}, rebuilt from the vectors with a fixed seed on load) answers instead from
 * {@link #GRAPH_FROM} windows at any dimension (the scanned slice grows with the set), and above
 * {@link #MAX_SCAN_DIMENSION} dimensions from {@link #EXACT_BELOW} windows (one projection prunes little there).
 */
final class NeighbourIndex {
    /** Below this many windows a linear scan costs less than building the graph (training searches every window) and is exact. */
    static final int EXACT_BELOW = 5000;
    /** Up to this many dimensions the projected scan is used below {@link #GRAPH_FROM} windows. */
    static final int MAX_SCAN_DIMENSION = 64;
    /** From this many windows the graph answers whatever the dimension. */
    static final int GRAPH_FROM = 50_000;
    private static final float BOUND_SLACK = 0.9999f;
    static final int MAX_CONN = 16;
    static final int BEAM_WIDTH = 100;
    /**
     * Build beam up to {@link #MAX_SCAN_DIMENSION} dimensions: a graph of a million 8-dimensional windows took 210 s to build
     * with beam 100 on 2 shared cores; low-dimensional windows keep recall with a narrower beam.
     */
    static final int LOW_DIM_BEAM_WIDTH = 24;
    /** Candidates kept during a graph search; more costs throughput, fewer costs recall. */
    static final int MIN_SEARCH_BEAM = 24;
    private static final long SEED = 42L;

    private final float[][] vectors;
    private final int dim;
    private final OnHeapHnswGraph graph;
    // projected scan: centre, the two leading principal directions (orthonormal), keys on the first in ascending order,
    // keys on the second in that order, their ordinals, vectors in that order
    private final float[] centre;
    private final float[] direction;
    private final float[] second;
    private final float[] sortedKeys;
    private final float[] sortedSecondKeys;
    private final int[] sortedOrds;
    private final float[] sortedVectors;

    NeighbourIndex(float[][] vectors) {
        this(vectors, usesGraph(vectors.length, vectors[0].length));
    }

    /** Whether a set of {@code n} windows of {@code dim} dimensions is searched through the HNSW graph. */
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
        this.direction = principalDirection(vectors, centre, null);
        this.second = principalDirection(vectors, centre, direction);
        Integer[] order = new Integer[n];
        float[] keys = new float[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            keys[i] = key(vectors[i]);
        }
        Arrays.sort(order, (a, b) -> Float.compare(keys[a], keys[b]));
        this.sortedKeys = new float[n];
        this.sortedSecondKeys = new float[n];
        this.sortedOrds = new int[n];
        this.sortedVectors = new float[n * dim];
        for (int i = 0; i < n; i++) {
            sortedOrds[i] = order[i];
            sortedKeys[i] = keys[order[i]];
            sortedSecondKeys[i] = key(vectors[order[i]], second);
            System.arraycopy(vectors[order[i]], 0, sortedVectors, i * dim, dim);
        }
    }

    /**
     * Unit vector of the largest variance orthogonal to {@code orthogonalTo} (null: none), by power iteration from the
     * all-ones direction (a window's level) or, for the second, from a ramp (its slope).
     */
    private static float[] principalDirection(float[][] vectors, float[] centre, float[] orthogonalTo) {
        int dim = centre.length;
        double[] u = new double[dim];
        for (int d = 0; d < dim; d++) {
            u[d] = orthogonalTo == null ? 1 : d - (dim - 1) / 2.0 + 0.1;
        }
        orthonormalise(u, orthogonalTo);
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
            if (orthonormalise(next, orthogonalTo) == false) {
                break; // no variance left: the start direction prunes as well as another
            }
            u = next;
        }
        float[] out = new float[dim];
        for (int d = 0; d < dim; d++) {
            out[d] = (float) u[d];
        }
        return out;
    }

    /** Removes the component along {@code against} (may be null) and scales to unit length; false when nothing is left. */
    private static boolean orthonormalise(double[] u, float[] against) {
        if (against != null) {
            double dot = 0;
            for (int d = 0; d < u.length; d++) {
                dot += u[d] * against[d];
            }
            for (int d = 0; d < u.length; d++) {
                u[d] -= dot * against[d];
            }
        }
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

    private float key(float[] v) {
        return key(v, direction);
    }

    private float key(float[] v, float[] axis) {
        float k = 0;
        for (int d = 0; d < dim; d++) {
            k += (v[d] - centre[d]) * axis[d];
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

    /** The {@code k} nearest training windows of {@code query}, closest first, leaving out ordinal {@code exclude} (-1: none). */
    Neighbours search(float[] query, int k, int exclude) {
        int want = Math.min(k, exclude >= 0 ? vectors.length - 1 : vectors.length);
        return graph == null ? exact(query, want, exclude) : approximate(query, want, exclude);
    }

    private Neighbours exact(float[] query, int k, int exclude) {
        // Insertion into a sorted array of the k best (squared distances): k is small next to the scan.
        int[] ords = new int[k];
        float[] dist = new float[k];
        Arrays.fill(dist, Float.POSITIVE_INFINITY);
        float q = key(query);
        float q2 = key(query, second);
        int hi = lowerBound(q);
        int lo = hi - 1;
        int n = sortedKeys.length;
        while (lo >= 0 || hi < n) {
            // next candidate: the side whose key is closer to the query's
            int i;
            float gap;
            if (hi >= n || (lo >= 0 && q - sortedKeys[lo] <= sortedKeys[hi] - q)) {
                i = lo--;
                gap = q - sortedKeys[i];
            } else {
                i = hi++;
                gap = sortedKeys[i] - q;
            }
            float worst = dist[k - 1];
            // the projections are lower bounds of the distance; the slack keeps float rounding from pruning a tie
            if (gap * gap * BOUND_SLACK > worst) {
                break; // every later candidate is at least this far along the first direction alone
            }
            float gap2 = q2 - sortedSecondKeys[i];
            int ord = sortedOrds[i];
            if ((gap * gap + gap2 * gap2) * BOUND_SLACK > worst || ord == exclude) {
                continue;
            }
            float d = squareDistanceBelow(query, i * dim, worst);
            if (d < worst) {
                int j = k - 1;
                while (j > 0 && dist[j - 1] > d) {
                    dist[j] = dist[j - 1];
                    ords[j] = ords[j - 1];
                    j--;
                }
                dist[j] = d;
                ords[j] = ord;
            }
        }
        for (int i = 0; i < k; i++) {
            dist[i] = (float) Math.sqrt(dist[i]);
        }
        return new Neighbours(ords, dist);
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

    /** Squared distance to the sorted vector at {@code offset}, or any value at least {@code bound} once it is known to pass it. */
    private float squareDistanceBelow(float[] query, int offset, float bound) {
        float sum = 0;
        int d = 0;
        for (; d + 4 <= dim; d += 4) {
            float a = query[d] - sortedVectors[offset + d];
            float b = query[d + 1] - sortedVectors[offset + d + 1];
            float c = query[d + 2] - sortedVectors[offset + d + 2];
            float e = query[d + 3] - sortedVectors[offset + d + 3];
            sum += a * a + b * b + c * c + e * e;
            if (sum >= bound) {
                return sum;
            }
        }
        for (; d < dim; d++) {
            float a = query[d] - sortedVectors[offset + d];
            sum += a * a;
        }
        return sum;
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
            return HnswGraphBuilder.create(supplier, MAX_CONN, dim > MAX_SCAN_DIMENSION ? BEAM_WIDTH : LOW_DIM_BEAM_WIDTH, SEED).build(vectors.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long ramBytes() {
        long v = (long) vectors.length * (16L + 8L + 4L * dim) * 2 + 12L * vectors.length; // vectors twice (rows, sorted), keys, ords
        return v + (graph == null ? 0 : graph.ramBytesUsed());
    }
}
