/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.opensearch.aiops.detector.metric.MetricModel;
import org.opensearch.aiops.detector.metric.MetricParams;
import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.aiops.eval.NabDetection;
import org.opensearch.aiops.eval.NabPlot;
import org.opensearch.aiops.eval.NabScoreFilter;
import org.opensearch.aiops.eval.NabScorer;
import org.opensearch.aiops.eval.NabSeries;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./aiops eval nab}: a metric detector on the Numenta Anomaly Benchmark, streaming
 * (probationary rows to start, periodic refits on the rows seen so far), scored with NAB's rules
 * and normalised as NAB does.
 */
@Command(
        name = "nab",
        mixinStandardHelpOptions = true,
        description =
                "NAB score of a metric detector (standard, reward_low_FP_rate, reward_low_FN_rate)")
public final class EvalNabCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            defaultValue = "${sys:aiops.root}/../shared/datasets/nab/data",
            description = "folder with <category>/<name>.csv (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(
            names = "--labels",
            defaultValue = "${sys:aiops.root}/../shared/datasets/nab/labels/combined_windows.json",
            description = "NAB combined_windows.json (default: ${DEFAULT-VALUE})")
    Path labels;

    @Option(
            names = "--detector",
            defaultValue = "metric_ensemble",
            description =
                    "one of "
                            + "metric_knn, metric_lof, metric_cblof, metric_ensemble, metric_lstm (default: ${DEFAULT-VALUE})")
    String detector;

    @Option(
            names = "--params",
            description =
                    "the detector's params as a JSON object, e.g. '{\"window\":6}' (default: the detector's defaults)")
    String paramsJson;

    @Option(
            names = "--refit-every",
            description =
                    "rows between refits on all rows seen so far (default: "
                            + DEFAULT_REFIT_EVERY
                            + ", metric_lstm "
                            + DEFAULT_LSTM_REFIT_EVERY
                            + ")")
    Integer refitEvery;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "PyTorch intra-op threads for metric_lstm (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(
            names = "--history",
            defaultValue = "" + DEFAULT_HISTORY,
            description =
                    "refits learn from the last this many rows; 0: all rows seen so far (default: ${DEFAULT-VALUE})")
    int history;

    @Option(
            names = "--onset",
            defaultValue = "" + MetricModel.DEFAULT_ONSET_HISTORY,
            description =
                    "per-series scoring state (OnsetState, as the platform keeps per entity for its alarms): a score counts only when it beats the previous this many, and of a rise of such new highs only its top; 0: stateless, each point from its window alone (default: ${DEFAULT-VALUE})")
    int onset;

    @Option(
            names = "--filter",
            defaultValue = "none",
            description =
                    "evaluation-only transform of each series' scores: none or likelihood:L:S (see NabScoreFilter; default: ${DEFAULT-VALUE})")
    String filterSpec;

    @Option(
            names = "--out",
            description =
                    "write NAB result files <out>/<detector>/<category>/<detector>_<name>.csv")
    Path out;

    @Option(
            names = "--plot",
            description =
                    "write one PNG per series here: values, anomaly windows, alarms at the standard threshold")
    Path plot;

    static final int DEFAULT_REFIT_EVERY = 50;

    /**
     * Training an LSTM costs seconds, not milliseconds: refitting it every 50 rows would take hours
     * over NAB.
     */
    static final int DEFAULT_LSTM_REFIT_EVERY = 1000;

    static final int DEFAULT_HISTORY = 0;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> p =
                paramsJson == null
                        ? Map.of()
                        : XContentHelper.convertToMap(JsonXContent.jsonXContent, paramsJson, true);
        MetricParams params = MetricParams.parse(detector, p);
        boolean lstm = params.algorithm().equals("lstm");
        if (refitEvery == null) {
            refitEvery = lstm ? DEFAULT_LSTM_REFIT_EVERY : DEFAULT_REFIT_EVERY;
        }
        DjlEngine engine = lstm ? CliEngine.open(threads) : null;
        NabScoreFilter filter = NabScoreFilter.parse(filterSpec);
        if (onset < 0) {
            throw new IllegalArgumentException(
                    "--onset must be 0 (stateless) or a number of scores, got " + onset);
        }
        if (refitEvery < 1) {
            throw new IllegalArgumentException(
                    "--refit-every must be at least 1, got " + refitEvery);
        }
        List<NabSeries> series = NabSeries.loadAll(data, labels);
        if (series.isEmpty()) {
            System.err.println(
                    "no labelled <category>/<name>.csv under "
                            + data
                            + " (labels: "
                            + labels
                            + ")");
            return 2;
        }
        List<NabScorer.LabelledFile> files = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        long start = System.nanoTime();
        try (ProgressBar bar = new ProgressBar("eval nab " + detector, series.size())) {
            for (NabSeries s : series) {
                files.add(s.labelled());
                scores.add(
                        NabDetection.scores(s, params, refitEvery, history, onset, engine, filter));
                if (out != null) {
                    NabDetection.writeResults(out, detector, s, scores.get(scores.size() - 1));
                }
                bar.step();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<NabScorer.ThresholdScore> perFile = new ArrayList<>();
        NabScorer.ProfileResult standard =
                NabScorer.evaluate(files, scores, NabScorer.Profile.STANDARD, perFile);
        NabScorer.ProfileResult lowFp =
                NabScorer.evaluate(files, scores, NabScorer.Profile.LOW_FP, null);
        NabScorer.ProfileResult lowFn =
                NabScorer.evaluate(files, scores, NabScorer.Profile.LOW_FN, null);
        for (int i = 0; i < series.size(); i++) {
            NabSeries s = series.get(i);
            NabScorer.ThresholdScore f = perFile.get(i);
            System.out.printf(
                    Locale.ROOT,
                    "%-55s rows=%d windows=%d detected_windows=%d tp_rows=%d fp_rows=%d standard_raw=%+.3f%n",
                    s.relativePath(),
                    s.values().length,
                    s.windows().size(),
                    detectedWindows(s, scores.get(i), standard.threshold()),
                    f.tp(),
                    f.fp(),
                    f.score());
            if (plot != null) {
                NabPlot.write(plot, detector, s, scores.get(i), standard.threshold());
            }
        }
        for (NabScorer.ProfileResult r : List.of(standard, lowFp, lowFn)) {
            System.out.printf(
                    Locale.ROOT,
                    "profile %-18s threshold=%.6f raw=%.3f null=%.3f perfect=%.1f score=%.2f%n",
                    r.profile().name(),
                    r.threshold(),
                    r.raw(),
                    r.nullRaw(),
                    r.perfect(),
                    r.normalised());
        }
        System.out.printf(
                Locale.ROOT,
                "series=%d rows=%d seconds=%.1f params=%s refit_every=%d history=%d onset=%d filter=%s%n",
                series.size(),
                files.stream().mapToInt(NabScorer.LabelledFile::length).sum(),
                seconds,
                params.toMap(),
                refitEvery,
                history,
                onset,
                filter);
        System.out.printf(
                Locale.ROOT,
                "NAB standard=%.1f low_fp=%.1f low_fn=%.1f detector=%s%n",
                standard.normalised(),
                lowFp.normalised(),
                lowFn.normalised(),
                detector);
        return 0;
    }

    private static int detectedWindows(NabSeries s, double[] scores, double threshold) {
        int probation = NabScorer.probationaryLength(scores.length);
        int found = 0;
        for (int[] w : s.windows()) {
            for (int t = Math.max(w[0], probation); t <= w[1]; t++) {
                if (scores[t] >= threshold) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }
}
