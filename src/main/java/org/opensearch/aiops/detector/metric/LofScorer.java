/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Local outlier factor (Breunig et al. 2000): the mean local reachability density of a window's k
 * nearest training windows over its own, so a window is judged against the density of its own
 * neighbourhood (a point just outside a tight cluster outranks one inside a loose cluster, where
 * plain kNN distance says the opposite). Keeps each training window's k-distance and density.
 * Reachability distances are floored at 1 % of the mean k-distance, so runs of identical windows
 * (flat series) do not give infinite densities.
 */
final class LofScorer implements WindowScorer {
    private final float[] kDistance;
    private final float[] density;
    private final float floor;

    private LofScorer(float[] kDistance, float[] density, float floor) {
        this.kDistance = kDistance;
        this.density = density;
        this.floor = floor;
    }

    /** Returns the scorer; {@code rawsOut} receives the training windows' LOF values. */
    static LofScorer fit(TrainingNeighbours nn, double[] rawsOut) {
        if (nn.isAll() == false) {
            throw new IllegalStateException(
                    "LOF needs the neighbours of every training window, not a sample");
        }
        int n = nn.size();
        int k = nn.k();
        float[] kDistance = new float[n];
        double meanK = 0;
        for (int i = 0; i < n; i++) {
            kDistance[i] = nn.distance(i, k - 1);
            meanK += kDistance[i];
        }
        meanK /= n;
        float floor = (float) Math.max(1e-6, 0.01 * meanK);
        float[] density = new float[n];
        for (int i = 0; i < n; i++) {
            double reach = 0;
            for (int j = 0; j < k; j++) {
                reach += Math.max(kDistance[nn.ord(i, j)], nn.distance(i, j));
            }
            density[i] = (float) (1.0 / Math.max(reach / k, floor));
        }
        for (int i = 0; i < n; i++) {
            double neighbourDensity = 0;
            for (int j = 0; j < k; j++) {
                neighbourDensity += density[nn.ord(i, j)];
            }
            rawsOut[i] = neighbourDensity / k / density[i];
        }
        return new LofScorer(kDistance, density, floor);
    }

    @Override
    public byte kind() {
        return LOF;
    }

    @Override
    public double rawScore(float[] vector, Neighbours nn) {
        double reach = 0;
        double neighbourDensity = 0;
        int k = nn.size();
        for (int j = 0; j < k; j++) {
            int o = nn.ords()[j];
            reach += Math.max(kDistance[o], nn.distances()[j]);
            neighbourDensity += density[o];
        }
        return neighbourDensity / k * Math.max(reach / k, floor);
    }

    @Override
    public long ramBytes() {
        return 32L + 8L * kDistance.length;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeFloat(floor);
        out.writeInt(kDistance.length);
        for (int i = 0; i < kDistance.length; i++) {
            out.writeFloat(kDistance[i]);
            out.writeFloat(density[i]);
        }
    }

    static LofScorer readFrom(DataInput in) throws IOException {
        float floor = in.readFloat();
        int n = in.readInt();
        float[] kDistance = new float[n];
        float[] density = new float[n];
        for (int i = 0; i < n; i++) {
            kDistance[i] = in.readFloat();
            density[i] = in.readFloat();
        }
        return new LofScorer(kDistance, density, floor);
    }
}
