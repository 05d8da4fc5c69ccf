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

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * A PCA projection of embeddings onto the fewest principal components that explain the wanted share
 * of variance (95 % gives about a dozen dimensions for code contexts in the DGCEC-MAD paper).
 */
public record PcaProjection(
        String name, float[] mean, float[][] components, double explainedVariance, int samples) {

    /**
     * @throws IllegalArgumentException with fewer than two vectors or vectors of different lengths
     */
    public static PcaProjection fit(String name, List<float[]> vectors, double varianceTarget) {
        if (vectors.size() < 2) {
            throw new IllegalArgumentException(
                    "at least 2 vectors are needed to fit a projection, found " + vectors.size());
        }
        int d = vectors.get(0).length;
        double[] mean = new double[d];
        for (float[] v : vectors) {
            if (v.length != d) {
                throw new IllegalArgumentException(
                        "vectors have different lengths: " + d + " and " + v.length);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += v[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= vectors.size();
        }
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                centred[j] = v[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                double[] row = covariance[a];
                for (int b = a; b < d; b++) {
                    row[b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] /= vectors.size() - 1;
                covariance[b][a] = covariance[a][b];
            }
        }
        EigenDecomposition eigen =
                new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[d];
        double total = 0;
        for (int i = 0; i < d; i++) {
            order[i] = i;
            total += Math.max(values[i], 0);
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        List<float[]> components = new ArrayList<>();
        double explained = 0;
        for (int i = 0;
                i < d && (components.isEmpty() || explained < varianceTarget * total);
                i++) {
            RealVector vector = eigen.getEigenvector(order[i]);
            float[] component = new float[d];
            for (int j = 0; j < d; j++) {
                component[j] = (float) vector.getEntry(j);
            }
            components.add(component);
            explained += Math.max(values[order[i]], 0);
        }
        float[] meanF = new float[d];
        for (int j = 0; j < d; j++) {
            meanF[j] = (float) mean[j];
        }
        return new PcaProjection(
                name,
                meanF,
                components.toArray(new float[0][]),
                total == 0 ? 1.0 : explained / total,
                vectors.size());
    }

    public float[] project(float[] vector) {
        if (vector.length != mean.length) {
            throw new IllegalArgumentException(
                    "projection ["
                            + name
                            + "] expects "
                            + mean.length
                            + " dimensions, got "
                            + vector.length);
        }
        float[] reduced = new float[components.length];
        for (int c = 0; c < components.length; c++) {
            double sum = 0;
            float[] component = components[c];
            for (int j = 0; j < mean.length; j++) {
                sum += (vector[j] - mean[j]) * component[j];
            }
            reduced[c] = (float) sum;
        }
        return reduced;
    }

    /** The stored document: components flattened row by row. */
    public Map<String, Object> toSource() {
        float[] flat = new float[components.length * mean.length];
        for (int c = 0; c < components.length; c++) {
            System.arraycopy(components[c], 0, flat, c * mean.length, mean.length);
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", name);
        source.put("dimensions", mean.length);
        source.put("components_count", components.length);
        source.put("explained_variance", explainedVariance);
        source.put("samples", samples);
        source.put("mean", mean);
        source.put("components", flat);
        return source;
    }

    public static PcaProjection fromSource(Map<String, Object> source) {
        int d = ((Number) source.get("dimensions")).intValue();
        int k = ((Number) source.get("components_count")).intValue();
        float[] mean = floats((List<?>) source.get("mean"));
        float[] flat = floats((List<?>) source.get("components"));
        float[][] components = new float[k][d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(flat, c * d, components[c], 0, d);
        }
        return new PcaProjection(
                (String) source.get("name"),
                mean,
                components,
                ((Number) source.get("explained_variance")).doubleValue(),
                ((Number) source.get("samples")).intValue());
    }

    static float[] floats(List<?> numbers) {
        float[] result = new float[numbers.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ((Number) numbers.get(i)).floatValue();
        }
        return result;
    }
}
