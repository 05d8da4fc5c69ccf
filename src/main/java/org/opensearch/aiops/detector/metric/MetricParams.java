/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opensearch.aiops.detector.DetectorParams;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * Parameters of one metric detector, parsed from the detector's {@code params} object. Every field
 * has a default, so {@code {}} is a valid configuration; errors are {@link
 * IllegalArgumentException}s naming the field and its allowed values.
 *
 * @param algorithm knn, lof, cblof, ensemble or lstm (fixed by the detector type)
 * @param window points per window (shingle) scored together; for lstm the points the forecast of
 *     the next one is made from (so a score needs {@code window + 1} rows, see {@link #rows()})
 * @param k neighbours for knn and lof
 * @param clusters k-means clusters for cblof
 * @param alpha cblof: the large clusters hold at least this share of the training windows
 * @param beta cblof: a size ratio of at least this between neighbouring clusters also ends the
 *     large ones
 * @param differences also compare the point-to-point changes inside a window, not only the levels
 *     (off by default: on NAB realAWSCloudwatch the ensemble scores 47.9 without, 44.4 with them;
 *     see BENCHMARKS.md)
 * @param maxWindows training windows kept (an even stride over the series when there are more);
 *     5,000 by default for the window-comparing algorithms, whose scoring cost grows with it (exact
 *     search: about 70,000 points/s at 5,000 windows, 25,000 at 20,000; see BENCHMARKS.md),
 *     1,000,000 for lstm, whose does not
 * @param hidden lstm: units per LSTM layer (2 layers)
 * @param epochs lstm: passes over the training windows (more when a small series would get fewer
 *     than 300 gradient steps)
 * @param scales the window's shingle over this many scales of the series, each 4 times coarser than
 *     the previous (block means and standard deviations, appended to the one vector the algorithm
 *     compares), so a window spans {@code window * 4^(scales-1)} rows (see {@link WindowFeatures});
 *     1 (the default) is the plain shingle. Opt-in: on NAB realAWSCloudwatch the default ensemble
 *     scored 62.9 with 2 and 59.6 with 3 scales against 63.1 with 1 (see BENCHMARKS.md). lstm takes
 *     1 only
 */
public record MetricParams(
        String algorithm,
        int window,
        int k,
        int clusters,
        double alpha,
        double beta,
        boolean differences,
        int maxWindows,
        int hidden,
        int epochs,
        int scales)
        implements DetectorParams {

    public static final List<String> ALGORITHMS =
            List.of("knn", "lof", "cblof", "ensemble", "lstm");
    public static final List<String> TYPES = ALGORITHMS.stream().map(a -> "metric_" + a).toList();
    public static final List<String> NAMES =
            List.of(
                    "window",
                    "k",
                    "clusters",
                    "alpha",
                    "beta",
                    "differences",
                    "max_windows",
                    "hidden",
                    "epochs",
                    "scales");

    public static final int DEFAULT_WINDOW = 8;

    /** The forecaster's context: 80 points, as in the prototype. */
    public static final int DEFAULT_LSTM_WINDOW = 80;

    public static final int DEFAULT_HIDDEN = 32;
    public static final int DEFAULT_EPOCHS = 30;
    public static final int DEFAULT_K = 10;
    public static final int DEFAULT_CLUSTERS = 8;
    public static final double DEFAULT_ALPHA = 0.9;
    public static final double DEFAULT_BETA = 5.0;
    public static final int DEFAULT_MAX_WINDOWS = 5_000;
    public static final int DEFAULT_LSTM_MAX_WINDOWS = 1_000_000;

    /**
     * metric_lof's largest {@code max_windows}: LOF needs the neighbours of every training window,
     * which stays exact and fast below the size where the neighbour index switches to the HNSW
     * graph ({@link NeighbourIndex#GRAPH_FROM}).
     */
    public static final int MAX_LOF_WINDOWS = NeighbourIndex.GRAPH_FROM;

    public static final boolean DEFAULT_DIFFERENCES = false;
    public static final int DEFAULT_SCALES = 1;
    public static final int MAX_SCALES = 4;

    public MetricParams {
        if (ALGORITHMS.contains(algorithm) == false) {
            throw new IllegalArgumentException(
                    "algorithm must be one of " + ALGORITHMS + ", got [" + algorithm + "]");
        }
        checkRange("window", window, 1, 1000);
        checkRange("hidden", hidden, 1, 1024);
        checkRange("epochs", epochs, 1, 10_000);
        checkRange("k", k, 1, 1000);
        checkRange("clusters", clusters, 2, 256);
        checkRange("max_windows", maxWindows, 100, 10_000_000);
        checkRange("scales", scales, 1, MAX_SCALES);
        if (algorithm.equals("lstm") && scales != 1) {
            throw new IllegalArgumentException(
                    "params.scales must be 1 for metric_lstm (it forecasts from the plain window), got ["
                            + scales
                            + "]");
        }
        if ((alpha > 0 && alpha < 1) == false) {
            throw new IllegalArgumentException(
                    "params.alpha must be a number in (0, 1), got [" + alpha + "]");
        }
        if ((beta >= 1 && beta <= 1e6) == false) {
            throw new IllegalArgumentException(
                    "params.beta must be a number in [1, 1000000], got [" + beta + "]");
        }
    }

    /** Defaults of one algorithm. */
    public static MetricParams defaults(String algorithm) {
        return new MetricParams(
                algorithm,
                defaultWindow(algorithm),
                DEFAULT_K,
                DEFAULT_CLUSTERS,
                DEFAULT_ALPHA,
                DEFAULT_BETA,
                DEFAULT_DIFFERENCES,
                defaultMaxWindows(algorithm),
                DEFAULT_HIDDEN,
                DEFAULT_EPOCHS,
                defaultScales(algorithm));
    }

    private static int defaultScales(String algorithm) {
        return algorithm.equals("lstm") ? 1 : DEFAULT_SCALES;
    }

    private static int defaultMaxWindows(String algorithm) {
        return algorithm.equals("lstm") ? DEFAULT_LSTM_MAX_WINDOWS : DEFAULT_MAX_WINDOWS;
    }

    private static int defaultWindow(String algorithm) {
        return algorithm.equals("lstm") ? DEFAULT_LSTM_WINDOW : DEFAULT_WINDOW;
    }

    /**
     * @param type detector type: metric_knn, metric_lof, metric_cblof, metric_ensemble or
     *     metric_lstm
     * @param params the detector's params object; null or empty gives the defaults
     */
    public static MetricParams parse(String type, Map<String, Object> params) {
        if (TYPES.contains(type) == false) {
            throw new IllegalArgumentException(
                    "type must be one of " + TYPES + ", got [" + type + "]");
        }
        Map<String, Object> p = params == null ? Map.of() : params;
        for (String key : p.keySet()) {
            if (NAMES.contains(key) == false) {
                throw new IllegalArgumentException(
                        "params."
                                + key
                                + " is not a parameter of "
                                + type
                                + " (allowed: "
                                + NAMES
                                + ")");
            }
        }
        String algorithm = type.substring("metric_".length());
        MetricParams parsed =
                new MetricParams(
                        algorithm,
                        intParam(p, "window", defaultWindow(algorithm), 1, 1000),
                        intParam(p, "k", DEFAULT_K, 1, 1000),
                        intParam(p, "clusters", DEFAULT_CLUSTERS, 2, 256),
                        doubleParam(p, "alpha", DEFAULT_ALPHA),
                        doubleParam(p, "beta", DEFAULT_BETA),
                        booleanParam(p, "differences", DEFAULT_DIFFERENCES),
                        intParam(p, "max_windows", defaultMaxWindows(algorithm), 100, 10_000_000),
                        intParam(p, "hidden", DEFAULT_HIDDEN, 1, 1024),
                        intParam(p, "epochs", DEFAULT_EPOCHS, 1, 10_000),
                        intParam(p, "scales", defaultScales(algorithm), 1, MAX_SCALES));
        parsed.checkTrainable();
        return parsed;
    }

    /**
     * Limits that apply to training, not to loading a saved model.
     *
     * @throws IllegalArgumentException for metric_lof with {@code max_windows} above {@link
     *     #MAX_LOF_WINDOWS}
     */
    public void checkTrainable() {
        if (algorithm.equals("lof") && maxWindows > MAX_LOF_WINDOWS) {
            throw new IllegalArgumentException(
                    "params.max_windows must be at most "
                            + MAX_LOF_WINDOWS
                            + " for metric_lof (LOF needs every training window's neighbours), got ["
                            + maxWindows
                            + "]; use metric_knn or metric_ensemble for larger training sets");
        }
    }

    /** Detector type name of these parameters, e.g. metric_knn. */
    public String type() {
        return "metric_" + algorithm;
    }

    /** Reads the params of detector type {@code type} written by {@link #writeTo}. */
    public static MetricParams read(String type, StreamInput in) throws IOException {
        return new MetricParams(
                type.substring("metric_".length()),
                in.readVInt(),
                in.readVInt(),
                in.readVInt(),
                in.readDouble(),
                in.readDouble(),
                in.readBoolean(),
                in.readVInt(),
                in.readVInt(),
                in.readVInt(),
                in.readVInt());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVInt(window);
        out.writeVInt(k);
        out.writeVInt(clusters);
        out.writeDouble(alpha);
        out.writeDouble(beta);
        out.writeBoolean(differences);
        out.writeVInt(maxWindows);
        out.writeVInt(hidden);
        out.writeVInt(epochs);
        out.writeVInt(scales);
    }

    @Override
    public String getWriteableName() {
        return type();
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.map(toMap());
    }

    /**
     * Every parameter by its name in {@code params} (the algorithm is the detector type, so it is
     * not one).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", window);
        m.put("k", k);
        m.put("clusters", clusters);
        m.put("alpha", alpha);
        m.put("beta", beta);
        m.put("differences", differences);
        m.put("max_windows", maxWindows);
        m.put("hidden", hidden);
        m.put("epochs", epochs);
        m.put("scales", scales);
        return m;
    }

    /**
     * Rows one score needs: the window at its coarsest scale ({@code window * 4^(scales-1)}), plus
     * the forecast point for lstm.
     */
    public int rows() {
        if (algorithm.equals("lstm")) {
            return window + 1;
        }
        int rows = window;
        for (int s = 1; s < scales; s++) {
            rows *= WindowFeatures.SCALE_FACTOR;
        }
        return rows;
    }

    /**
     * Training windows the algorithm needs at least (k + 1 neighbours, enough points per cluster).
     */
    public int minTrainingWindows() {
        int need = 10;
        if (algorithm.equals("knn") || algorithm.equals("lof") || algorithm.equals("ensemble")) {
            need = Math.max(need, k + 2);
        }
        if (algorithm.equals("cblof") || algorithm.equals("ensemble")) {
            need = Math.max(need, 2 * clusters);
        }
        return need;
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(rangeMessage(name, value, min, max));
        }
    }

    private static String rangeMessage(String name, Object value, int min, int max) {
        return String.format(
                Locale.ROOT,
                "params.%s must be an integer in [%d, %d], got [%s]",
                name,
                min,
                max,
                value);
    }

    private static int intParam(Map<String, Object> p, String name, int def, int min, int max) {
        Object v = p.get(name);
        if (v == null) {
            return def;
        }
        if (v instanceof Number n
                && (n instanceof Integer
                        || n instanceof Long
                        || n instanceof Short
                        || n.doubleValue() == Math.rint(n.doubleValue()))) {
            double d = n.doubleValue();
            if (d >= min && d <= max) {
                return (int) d;
            }
        }
        throw new IllegalArgumentException(rangeMessage(name, v, min, max));
    }

    private static double doubleParam(Map<String, Object> p, String name, double def) {
        Object v = p.get(name);
        if (v == null) {
            return def;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("params." + name + " must be a number, got [" + v + "]");
    }

    private static boolean booleanParam(Map<String, Object> p, String name, boolean def) {
        Object v = p.get(name);
        if (v == null) {
            return def;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(
                "params." + name + " must be true or false, got [" + v + "]");
    }
}
