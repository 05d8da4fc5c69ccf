/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.Random;

import org.opensearch.test.OpenSearchTestCase;

public class WindowFeaturesTests extends OpenSearchTestCase {

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    public void testSpanAndDimension() {
        float[][] rows = new float[100][];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = new float[] {t, -t};
        }
        WindowFeatures one = WindowFeatures.fit(4, false, rows, all(rows.length));
        assertEquals(4, one.span());
        assertEquals(8, one.dimension());
        WindowFeatures three = WindowFeatures.fit(4, false, 3, rows, all(rows.length));
        assertEquals(64, three.span());
        assertEquals(
                8 + 4 * 8,
                three.dimension()); // levels, then mean and spread groups at blocks of 4 and 16
        assertEquals(
                (4 + 3) * 2,
                WindowFeatures.fit(4, true, 1, rows, all(rows.length))
                        .dimension()); // levels and differences
    }

    /** Levels, block means and block standard deviations of a known series, weights 1. */
    public void testBlockMeansAndSpreads() {
        // one field, values 0..31 with mean 15.5 and sample std s: standardised x_t = (t - 15.5) /
        // s
        float[][] rows = new float[32][];
        for (int t = 0; t < 32; t++) {
            rows[t] = new float[] {t};
        }
        WindowFeatures f = WindowFeatures.fit(2, false, 2, rows, all(32)); // span 2 * 4 = 8
        double s = 0;
        for (int t = 0; t < 32; t++) {
            s += (t - 15.5) * (t - 15.5);
        }
        s = Math.sqrt(s / 31);
        float[] v = f.vector(rows, 10); // rows 10..17
        assertEquals(6, v.length);
        assertEquals((16 - 15.5) / s, v[0], 1e-6); // levels: rows 16, 17
        assertEquals((17 - 15.5) / s, v[1], 1e-6);
        assertEquals((11.5 - 15.5) / s, v[2], 1e-6); // block means: rows 10..13, 14..17
        assertEquals((15.5 - 15.5) / s, v[3], 1e-6);
        double spread = Math.sqrt(1.25) / s; // population std of four consecutive integers
        assertEquals(spread, v[4], 1e-5);
        assertEquals(spread, v[5], 1e-5);
    }

    /**
     * Coarse groups are weighted to the level group's variance (window * fields), at most
     * sqrt(block length).
     */
    public void testGroupWeightsEqualiseVarianceWithACap() {
        Random r = new Random(3);
        int n = 6000;
        float[][] rows = new float[n][];
        for (int t = 0; t < n; t++) {
            // white noise plus a slow square wave: the means of blocks of 4 keep most of the wave's
            // variance
            rows[t] =
                    new float[] {(float) (r.nextGaussian() * 0.5 + ((t / 200) % 2 == 0 ? 1 : -1))};
        }
        WindowFeatures f = WindowFeatures.fit(8, false, 2, rows, all(n));
        float[][] vectors = new float[n - f.span() + 1][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = f.vector(rows, i);
        }
        WindowFeatures weighted = f.withGroupWeights(vectors);
        float[] w = weighted.groupWeights();
        assertEquals(1f, w[0], 0f);
        assertTrue(
                "mean group " + w[1],
                w[1] > 1.0f && w[1] < 1.2f); // block means lose only the noise's share
        assertEquals("spread group hits the cap", 2.0f, w[2], 1e-6f); // block stds hardly vary
        // after weighting, the mean group's total variance is the level group's (8), up to sampling
        double[] variance = new double[3];
        for (int d = 0; d < 24; d++) {
            double sum = 0;
            double sq = 0;
            for (float[] v : vectors) {
                sum += v[d];
                sq += v[d] * v[d];
            }
            double m = sum / vectors.length;
            variance[d / 8] += sq / vectors.length - m * m;
        }
        assertEquals(8.0, variance[1], 0.01);
        assertTrue("capped spread group stays small: " + variance[2], variance[2] < 2);
        assertEquals(
                "a new vector gets the same weights",
                vectors[100][9],
                weighted.vector(rows, 100)[9],
                1e-6f);
    }

    public void testBytesRoundTripAndVersionTwoReadsOneScale() throws Exception {
        float[][] rows = new float[300][];
        Random r = new Random(4);
        for (int t = 0; t < rows.length; t++) {
            rows[t] = new float[] {(float) r.nextGaussian(), (float) r.nextGaussian() * 3};
        }
        WindowFeatures f = WindowFeatures.fit(4, true, 3, rows, all(rows.length));
        float[][] vectors = new float[rows.length - f.span() + 1][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = f.vector(rows, i);
        }
        f = f.withGroupWeights(vectors);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        f.writeTo(new DataOutputStream(bytes));
        WindowFeatures copy =
                WindowFeatures.readFrom(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 3);
        assertEquals(f.span(), copy.span());
        assertArrayEquals(f.vector(rows, 7), copy.vector(rows, 7), 0f);

        // version 2 bytes end after the per-field standardisation: one scale
        WindowFeatures plain = WindowFeatures.fit(4, false, rows, all(rows.length));
        ByteArrayOutputStream v2 = new ByteArrayOutputStream();
        plain.writeTo(new DataOutputStream(v2));
        byte[] b =
                Arrays.copyOf(
                        v2.toByteArray(), v2.size() - 5); // drop the scales byte and the one weight
        WindowFeatures old =
                WindowFeatures.readFrom(new DataInputStream(new ByteArrayInputStream(b)), 2);
        assertEquals(1, old.scales());
        assertEquals(4, old.span());
        assertArrayEquals(plain.vector(rows, 7), old.vector(rows, 7), 0f);
    }
}
