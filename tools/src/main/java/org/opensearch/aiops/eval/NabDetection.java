/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.opensearch.aiops.detector.metric.MetricModel;
import org.opensearch.aiops.detector.metric.MetricParams;
import org.opensearch.aiops.detector.metric.MetricScore;
import org.opensearch.aiops.detector.metric.OnsetState;
import org.opensearch.aiops.engine.DjlEngine;

/**
 * Runs a metric detector over one NAB series in NAB's streaming setting, through {@link
 * MetricModel} as the plugin does: the first model learns from the probationary rows only, the
 * model is refitted every {@code refitEvery} rows on the rows seen so far (all of them, or the last
 * {@code history} when that is positive), and row t is scored from the window that ends at t, by
 * the model fitted before t. With {@code onsetHistory > 0} the points go through one per-series
 * {@link OnsetState} in time order, as the platform carries one per entity (it starts empty after
 * the probationary rows and carries over refits). Probationary rows score 0.
 */
public final class NabDetection {

    private NabDetection() {}

    /**
     * @param engine the neural engine (metric_lstm only; may be null for the others)
     */
    public static double[] scores(
            NabSeries series,
            MetricParams params,
            int refitEvery,
            int history,
            int onsetHistory,
            DjlEngine engine,
            NabScoreFilter filter) {
        int n = series.values().length;
        float[][] rows = new float[n][];
        for (int t = 0; t < n; t++) {
            rows[t] = new float[] {(float) series.values()[t]};
        }
        int probation = NabScorer.probationaryLength(n);
        double[] out = new double[n];
        MetricModel model = MetricModel.train(params, Arrays.copyOf(rows, probation), null, engine);
        OnsetState state = onsetHistory > 0 ? MetricModel.newState(onsetHistory) : null;
        for (int t = probation; t < n; t += refitEvery) {
            if (t > probation) {
                model =
                        MetricModel.train(
                                params,
                                Arrays.copyOfRange(
                                        rows, history > 0 ? Math.max(0, t - history) : 0, t),
                                null,
                                engine);
            }
            int end = Math.min(n, t + refitEvery);
            MetricScore[] scores =
                    state == null
                            ? model.scoreSeries(rows, t, end)
                            : model.scoreSeries(rows, t, end, state);
            for (int i = 0; i < scores.length; i++) {
                out[t + i] = scores[i].score();
            }
        }
        return filter.apply(out, probation);
    }

    /**
     * NAB's result file: {@code <out>/<detector>/<category>/<detector>_<name>.csv} with
     * timestamp,value,anomaly_score,label.
     */
    public static Path writeResults(Path outDir, String detector, NabSeries series, double[] scores)
            throws IOException {
        Path file =
                outDir.resolve(detector)
                        .resolve(series.category())
                        .resolve(detector + "_" + series.name() + ".csv");
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp,value,anomaly_score,label\n");
            for (int t = 0; t < scores.length; t++) {
                w.write(
                        String.format(
                                Locale.ROOT,
                                "%s,%s,%s,%d%n",
                                series.timestamps()[t],
                                plain(series.values()[t]),
                                plain(scores[t]),
                                series.inWindow(t) ? 1 : 0));
            }
        }
        return file;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v);
    }
}
