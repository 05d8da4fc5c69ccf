package org.opensearch.aiops.detector.metric;

import org.opensearch.test.OpenSearchTestCase;

import java.util.Arrays;
import java.util.Random;

public class NeighbourIndexTests extends OpenSearchTestCase {

    /** The projected scan prunes by a lower bound only, so it must return exactly the brute-force neighbours. */
    public void testProjectedScanEqualsBruteForce() {
        Random r = new Random(5);
        for (int dim : new int[] { 1, 3, 8, 16, 40 }) {
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
                for (int j = 0; j < k; j++) {
                    assertEquals("dim " + dim + " query " + q + " rank " + j, expected[j], got.distances()[j], 1e-4f * Math.max(1f, expected[j]));
                    assertNotEquals(exclude, got.ords()[j]);
                }
            }
        }
    }

    private static float[] bruteForce(float[][] v, float[] query, int k, int exclude) {
        float[] all = new float[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (i == exclude) {
                continue;
            }
            double s = 0;
            for (int d = 0; d < query.length; d++) {
                s += (query[d] - v[i][d]) * (query[d] - v[i][d]);
            }
            all[n++] = (float) Math.sqrt(s);
        }
        float[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        return Arrays.copyOf(sorted, k);
    }
}
