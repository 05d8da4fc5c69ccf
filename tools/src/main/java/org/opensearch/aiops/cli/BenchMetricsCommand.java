/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.opensearch.aiops.detector.metric.MetricParams;
import org.opensearch.aiops.eval.MetricScoringBenchmark;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./aiops bench metrics}: scoring points/s of each metric detector type, one thread, in the
 * JVM (no node). The types come from {@link MetricParams#TYPES}; a new type (the LSTM one) joins
 * the benchmark by joining that list.
 */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = "Scoring points/s of the metric detectors, one thread")
public final class BenchMetricsCommand implements Callable<Integer> {
    @Option(
            names = "--types",
            split = ",",
            description =
                    "detector types (default: all of "
                            + "metric_knn, metric_lof, metric_cblof, metric_ensemble, metric_lstm)")
    List<String> types;

    @Option(
            names = "--train-rows",
            defaultValue = "20007",
            description =
                    "training rows; window 8 gives 20,000 windows (default: ${DEFAULT-VALUE})")
    int trainRows;

    @Option(
            names = "--points",
            defaultValue = "100000",
            description = "points scored in the measured pass (default: ${DEFAULT-VALUE})")
    int points;

    @Option(
            names = "--fields",
            defaultValue = "1",
            description = "fields per row (default: ${DEFAULT-VALUE})")
    int fields;

    @Option(names = "--params", description = "params JSON for every type, e.g. '{\"k\":5}'")
    String paramsJson;

    @Option(
            names = "--lstm-windows",
            defaultValue = "70000",
            description =
                    "metric_lstm: windows trained on; a quarter more are generated for the held-out calibration fifth (default: ${DEFAULT-VALUE})")
    int lstmWindows;

    @Option(
            names = "--lstm-epochs",
            defaultValue = "2",
            description = "metric_lstm: epochs timed (default: ${DEFAULT-VALUE})")
    int lstmEpochs;

    @Option(
            names = "--lstm-points",
            defaultValue = "2000",
            description =
                    "metric_lstm: points scored one engine call each (default: ${DEFAULT-VALUE})")
    int lstmPoints;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "metric_lstm: PyTorch intra-op threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> params =
                paramsJson == null
                        ? Map.of()
                        : XContentHelper.convertToMap(JsonXContent.jsonXContent, paramsJson, true);
        for (String type : types == null ? MetricParams.TYPES : types) {
            MetricScoringBenchmark.Result r;
            if (type.equals("metric_lstm")) {
                Map<String, Object> lstmParams = new HashMap<>(params);
                lstmParams.putIfAbsent("epochs", lstmEpochs);
                int windows =
                        lstmWindows
                                + lstmWindows
                                        / 4; // the newest fifth of these calibrates (LstmScorer)
                int rows = windows + MetricParams.parse(type, lstmParams).rows() - 1;
                r =
                        MetricScoringBenchmark.run(
                                type,
                                lstmParams,
                                rows,
                                lstmPoints,
                                fields,
                                CliEngine.open(threads));
                System.out.printf(
                        Locale.ROOT,
                        "bench metrics type=%s trained_windows=%d calibration_windows=%d epoch_s=%.2f threads=%d%n",
                        type,
                        windows - r.trainWindows(),
                        r.trainWindows(),
                        r.epochSeconds(),
                        threads);
            } else {
                r = MetricScoringBenchmark.run(type, params, trainRows, points, fields, null);
            }
            System.err.printf(
                    Locale.ROOT,
                    "%s: train_windows=%d train_s=%.2f model_bytes=%d load_s=%.2f ram_bytes=%d%n",
                    type,
                    r.trainWindows(),
                    r.trainSeconds(),
                    r.modelBytes(),
                    r.loadSeconds(),
                    r.ramBytes());
            System.out.printf(
                    Locale.ROOT,
                    "bench metrics type=%s points/s=%.0f%n",
                    type,
                    r.pointsPerSecond());
        }
        return 0;
    }
}
