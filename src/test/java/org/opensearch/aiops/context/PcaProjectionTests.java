/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class PcaProjectionTests extends OpenSearchTestCase {

    /**
     * 20-dimensional points on a 2-dimensional plane plus tiny noise: two components explain 95 %,
     * one does not (about 80 %: the plane's axes are orthonormal with standard deviations 2 and 1,
     * so no random seed makes one axis explain 95 %).
     */
    public void testFindsTheLatentDimensionsAndRoundTrips() {
        float[][] basis = orthonormalPair(20);
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double a = random().nextGaussian() * 2;
            double b = random().nextGaussian();
            float[] p = new float[20];
            for (int j = 0; j < 20; j++) {
                p[j] =
                        (float)
                                (a * basis[0][j]
                                        + b * basis[1][j]
                                        + 0.01 * random().nextGaussian()
                                        + 5);
            }
            points.add(p);
        }
        PcaProjection pca = PcaProjection.fit("plane", points, 0.95);
        assertEquals(2, pca.components().length);
        assertTrue(pca.explainedVariance() >= 0.95);
        assertEquals(2, pca.project(points.get(0)).length);

        PcaProjection back = PcaProjection.fromSource(objectify(pca.toSource()));
        assertArrayEquals(pca.project(points.get(7)), back.project(points.get(7)), 1e-5f);
    }

    /** Two random orthonormal vectors (Gram-Schmidt on Gaussian draws). */
    private static float[][] orthonormalPair(int dim) {
        double[][] v = new double[2][dim];
        for (double[] row : v) {
            for (int j = 0; j < dim; j++) {
                row[j] = random().nextGaussian();
            }
        }
        double dot = 0;
        double norm0 = 0;
        for (int j = 0; j < dim; j++) {
            norm0 += v[0][j] * v[0][j];
        }
        for (int j = 0; j < dim; j++) {
            v[0][j] /= Math.sqrt(norm0);
            dot += v[0][j] * v[1][j];
        }
        double norm1 = 0;
        for (int j = 0; j < dim; j++) {
            v[1][j] -= dot * v[0][j];
            norm1 += v[1][j] * v[1][j];
        }
        float[][] basis = new float[2][dim];
        for (int j = 0; j < dim; j++) {
            basis[0][j] = (float) v[0][j];
            basis[1][j] = (float) (v[1][j] / Math.sqrt(norm1));
        }
        return basis;
    }

    public void testRejectsTooFewOrMixedVectors() {
        expectThrows(
                IllegalArgumentException.class,
                () -> PcaProjection.fit("x", List.of(new float[] {1, 2}), 0.95));
        expectThrows(
                IllegalArgumentException.class,
                () -> PcaProjection.fit("x", List.of(new float[] {1, 2}, new float[] {1}), 0.95));
        PcaProjection pca =
                PcaProjection.fit(
                        "x",
                        List.of(new float[] {1, 2}, new float[] {2, 4}, new float[] {3, 7}),
                        0.95);
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class, () -> pca.project(new float[] {1, 2, 3}));
        assertTrue(e.getMessage(), e.getMessage().contains("expects 2 dimensions"));
    }

    /** As a document read back from the index: float arrays become lists of numbers. */
    private static Map<String, Object> objectify(Map<String, Object> source) {
        Map<String, Object> copy = new java.util.HashMap<>(source);
        for (String key : List.of("mean", "components")) {
            float[] values = (float[]) source.get(key);
            List<Object> list = new ArrayList<>();
            for (float v : values) {
                list.add((double) v);
            }
            copy.put(key, list);
        }
        return copy;
    }
}
