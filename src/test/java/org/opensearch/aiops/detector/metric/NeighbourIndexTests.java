/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.util.Arrays;
import java.util.Random;

import org.opensearch.test.OpenSearchTestCase;

public class NeighbourIndexTests extends OpenSearchTestCase {

    /**
     * The projected scan prunes by a lower bound only, so it must return exactly the brute-force
     * neighbours.
     */
    public void testProjectedScanEqualsBruteForce() {
        Random r = new Random(5);
        for (int dim : new int[] {1, 3, 5, 8, 16, 40}) {
            float[][] v = new float[3000][dim];
            for (int i = 0; i < v.length; i++) {
                double level = Math.sin(i * 0.01) * 3;
                for (int d = 0; d < dim; d++) {
                    v[i][d] = (float) (level + (d % 3 == 0 ? 0.3 : 1.0) * r.nextGaussian());
                }
                if (i % 500 == 0) {
                    v[i] = v[Math.max(0, i - 1)].clone(); // duplicates
                }
            }
            NeighbourIndex index = new NeighbourIndex(v, false);
            for (int q = 0; q < 200; q++) {
                float[] query = new float[dim];
                for (int d = 0; d < dim; d++) {
                    query[d] = (float) (4 * r.nextGaussian());
                }
                int exclude = q % 2 == 0 ? -1 : r.nextInt(v.length);
                int k = 1 + r.nextInt(12);
                float[] expected = bruteForce(v, query, k, exclude);
                Neighbours got = index.search(query, k, exclude);
                assertEquals(k, got.size());
                assertNeighbours("dim " + dim + " query " + q, v, query, expected, got, exclude);
            }
        }
    }

    /**
     * Quantised windows (idle or integer-valued metrics) tie often: still the brute-force
     * distances, each of a distinct window.
     */
    public void testTiesEqualBruteForce() {
        Random r = new Random(6);
        for (int dim : new int[] {1, 4, 8, 15}) {
            float[][] v = new float[2000][dim];
            for (int i = 0; i < v.length; i++) {
                for (int d = 0; d < dim; d++) {
                    v[i][d] = Math.round(r.nextGaussian() * 1.5);
                }
            }
            NeighbourIndex index = new NeighbourIndex(v, false);
            for (int q = 0; q < 300; q++) {
                int self = r.nextInt(v.length);
                int exclude = q % 2 == 0 ? self : -1;
                int k = 1 + r.nextInt(20);
                assertNeighbours(
                        "dim " + dim + " query " + q,
                        v,
                        v[self],
                        bruteForce(v, v[self], k, exclude),
                        index.search(v[self], k, exclude),
                        exclude);
            }
        }
    }

    /**
     * The distances are the expected ones, closest first, and each is the distance to its own
     * ordinal, which occurs once.
     */
    private static void assertNeighbours(
            String what,
            float[][] v,
            float[] query,
            float[] expected,
            Neighbours got,
            int exclude) {
        assertEquals(what, expected.length, got.size());
        for (int j = 0; j < expected.length; j++) {
            int ord = got.ords()[j];
            assertEquals(
                    what + " rank " + j,
                    expected[j],
                    got.distances()[j],
                    1e-4f * Math.max(1f, expected[j]));
            assertEquals(
                    what + " rank " + j + " ord",
                    got.distances()[j],
                    distance(v[ord], query),
                    1e-4f * Math.max(1f, expected[j]));
            assertNotEquals(exclude, ord);
            for (int i = 0; i < j; i++) {
                assertNotEquals(what + " rank " + j + " repeats an ordinal", got.ords()[i], ord);
            }
        }
    }

    private static float distance(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return (float) Math.sqrt(s);
    }

    /** Windows of a noisy sine: level-dominated, as metric windows are. */
    private static float[][] sineWindows(int n, int dim, long seed) {
        Random r = new Random(seed);
        float[][] v = new float[n][dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                v[i][d] = (float) (Math.sin((i + d) * 2 * Math.PI / 24) + 0.1 * r.nextGaussian());
            }
        }
        return v;
    }

    /**
     * From GRAPH_FROM windows the HNSW graph answers at any dimension, with recall of at least 0.9
     * against the exact scan (checked on 50,000 windows: a graph of GRAPH_FROM would take the unit
     * tests tens of seconds to build).
     */
    public void testGraphFromCutOverWithRecall() {
        assertFalse(NeighbourIndex.usesGraph(NeighbourIndex.GRAPH_FROM - 1, 8));
        assertTrue(NeighbourIndex.usesGraph(NeighbourIndex.GRAPH_FROM, 8));
        assertTrue(NeighbourIndex.usesGraph(NeighbourIndex.GRAPH_FROM, 1));
        assertTrue(
                NeighbourIndex.usesGraph(
                        NeighbourIndex.EXACT_BELOW, NeighbourIndex.MAX_SCAN_DIMENSION + 1));
        float[][] v = sineWindows(50_000, 8, 3);
        NeighbourIndex graph = new NeighbourIndex(v, true);
        assertTrue(graph.usesGraph());
        Random r = new Random(4);
        int hits = 0;
        int total = 0;
        for (int q = 0; q < 100; q++) {
            int self = r.nextInt(v.length);
            float[] expected = bruteForce(v, v[self], 10, self);
            Neighbours got = graph.search(v[self], 10, self);
            for (int j = 0; j < got.size(); j++) {
                assertNotEquals(self, got.ords()[j]);
                hits +=
                        got.distances()[j] <= expected[9] * 1.0001f
                                ? 1
                                : 0; // one of the true 10 (ties count)
            }
            total += 10;
        }
        assertTrue("recall " + hits / (double) total, hits >= 0.9 * total);
    }

    private static float[] bruteForce(float[][] v, float[] query, int k, int exclude) {
        float[] all = new float[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (i == exclude) {
                continue;
            }
            all[n++] = distance(query, v[i]);
        }
        float[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        return Arrays.copyOf(sorted, k);
    }
}
