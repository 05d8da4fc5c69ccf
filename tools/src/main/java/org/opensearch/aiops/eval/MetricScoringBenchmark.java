/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.opensearch.aiops.detector.metric.MetricModel;
import org.opensearch.aiops.detector.metric.MetricParams;
import org.opensearch.aiops.engine.DjlEngine;

/**
 * In-JVM throughput of one metric detector type: train on {@code trainRows} rows of a synthetic
 * series (daily sine, noise, occasional spikes; {@code fields} correlated fields), then score the
 * sliding window ending at each of {@code points} new rows on one thread, after a warm-up pass.
 * Also times the byte round trip (which rebuilds the neighbour search structure).
 */
public final class MetricScoringBenchmark {

    /**
     * @param epochSeconds mean wall time of one training epoch (metric_lstm; NaN for the others)
     */
    public record Result(
            String type,
            int trainWindows,
            double trainSeconds,
            double pointsPerSecond,
            int modelBytes,
            double loadSeconds,
            long ramBytes,
            double epochSeconds) {}

    private MetricScoringBenchmark() {}

    public static float[][] series(int rows, int fields, long seed) {
        Random r = new Random(seed);
        float[][] out = new float[rows][fields];
        for (int t = 0; t < rows; t++) {
            double day = Math.sin(t * 2 * Math.PI / 288);
            for (int f = 0; f < fields; f++) {
                double v = 50 + 20 * day * (1 + 0.2 * f) + 3 * r.nextGaussian();
                if (r.nextInt(2000) == 0) {
                    v += 40;
                }
                out[t][f] = (float) v;
            }
        }
        return out;
    }

    /**
     * @param engine the neural engine (metric_lstm only)
     */
    public static Result run(
            String type,
            Map<String, Object> params,
            int trainRows,
            int points,
            int fields,
            DjlEngine engine) {
        MetricParams p = MetricParams.parse(type, params);
        float[][] train = series(trainRows, fields, 1);
        long t0 = System.nanoTime();
        MetricModel model = MetricModel.train(p, train, null, engine);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        double epochSeconds = Arrays.stream(model.epochSeconds()).average().orElse(Double.NaN);
        byte[] bytes = model.toBytes();
        long l0 = System.nanoTime();
        MetricModel loaded = MetricModel.fromBytes(bytes, engine);
        double loadSeconds = (System.nanoTime() - l0) / 1e9;
        int w = loaded.window();
        float[][] test = series(points + w, fields, 2);
        double sink = score(loaded, test, Math.min(points, 20_000)); // warm-up
        long s0 = System.nanoTime();
        sink += score(loaded, test, points);
        double seconds = (System.nanoTime() - s0) / 1e9;
        if (sink == Double.NEGATIVE_INFINITY) {
            throw new AssertionError(); // keeps the scores alive
        }
        return new Result(
                type,
                loaded.trainingWindows(),
                trainSeconds,
                points / seconds,
                bytes.length,
                loadSeconds,
                loaded.ramBytes(),
                epochSeconds);
    }

    private static double score(MetricModel model, float[][] rows, int points) {
        int w = model.window();
        double sum = 0;
        for (int t = 0; t < points; t++) {
            sum += model.score(Arrays.copyOfRange(rows, t, t + w)).score();
        }
        return sum;
    }
}
