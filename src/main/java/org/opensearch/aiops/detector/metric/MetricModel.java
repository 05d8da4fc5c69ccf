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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

import org.opensearch.aiops.engine.DjlEngine;

/**
 * A trained model of one entity's series: per-field standardisation, sliding windows of {@code
 * window} rows, one outlier scorer (or, for the ensemble, kNN + CBLOF averaged on their normalised
 * scores), and the distribution of its normalised training scores. Immutable, so scoring is
 * thread-safe.
 *
 * <p>Non-finite values: training skips every window that holds a NaN or infinite value (and rows
 * with one do not enter the standardisation); {@link #score} rejects such a window with an {@link
 * IllegalArgumentException}, since there is no honest score for it.
 */
public final class MetricModel {
    /** "AIMM": aiops metric model. */
    static final int FORMAT_ID = 0x41494D4D;

    /**
     * 2 added the lstm scorer and its params (hidden, epochs); 3 the scales (the param, and the
     * features' group weights). Version 1 and 2 bytes are still read (one scale).
     */
    static final short FORMAT_VERSION = 3;

    /**
     * Training windows (an even sample) whose leave-one-out scores make kNN's and the ensemble's
     * training distribution.
     */
    static final int TRAINING_SAMPLE = 20_000;

    private final MetricParams params;
    private final WindowFeatures features;
    private final NeighbourIndex index;
    private final List<WindowScorer> components;
    private final List<ScoreScale> componentScales;
    private final ScoreScale scale;
    private final ScoreDistribution trainingScores;

    private MetricModel(
            MetricParams params,
            WindowFeatures features,
            NeighbourIndex index,
            List<WindowScorer> components,
            List<ScoreScale> componentScales,
            ScoreScale scale,
            ScoreDistribution trainingScores) {
        this.params = params;
        this.features = features;
        this.index = index;
        this.components = components;
        this.componentScales = componentScales;
        this.scale = scale;
        this.trainingScores = trainingScores;
    }

    /**
     * @param rows time-ordered; {@code rows[t][f]} is the value of field f at point t; every row
     *     has the same length
     * @param progress receives the fraction done, 0..1 (may be null)
     * @throws IllegalArgumentException when there are too few rows (the message says how many are
     *     needed) or ragged rows
     */
    public static MetricModel train(MetricParams params, float[][] rows, DoubleConsumer progress) {
        return train(params, rows, progress, null);
    }

    /**
     * @param engine the neural engine; only metric_lstm needs it (null elsewhere is fine)
     * @see #train(MetricParams, float[][], DoubleConsumer)
     */
    public static MetricModel train(
            MetricParams params, float[][] rows, DoubleConsumer progress, DjlEngine engine) {
        DoubleConsumer report = progress == null ? p -> {} : progress;
        params.checkTrainable();
        int w = params.rows();
        int need = w + params.minTrainingWindows() - 1;
        if (rows == null || rows.length < need) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "%s needs at least %d rows (%d rows per window + %d training windows - 1), got %d",
                            params.type(),
                            need,
                            w,
                            params.minTrainingWindows(),
                            rows == null ? 0 : rows.length));
        }
        int fields = rows[0].length;
        if (fields == 0) {
            throw new IllegalArgumentException("rows must have at least one field");
        }
        boolean[] finite = new boolean[rows.length];
        for (int t = 0; t < rows.length; t++) {
            if (rows[t].length != fields) {
                throw new IllegalArgumentException(
                        "row " + t + " has " + rows[t].length + " fields, row 0 has " + fields);
            }
            finite[t] = allFinite(rows[t]);
        }
        List<Integer> starts = new ArrayList<>();
        int bad = -1; // last non-finite row seen
        for (int t = 0; t < rows.length; t++) {
            if (finite[t] == false) {
                bad = t;
            }
            if (t >= w - 1 && bad <= t - w) {
                starts.add(t - w + 1);
            }
        }
        if (starts.size() < params.minTrainingWindows()) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "%s needs at least %d windows of %d finite rows, got %d from %d rows",
                            params.type(),
                            params.minTrainingWindows(),
                            w,
                            starts.size(),
                            rows.length));
        }
        WindowFeatures unweighted =
                params.algorithm().equals("lstm")
                        ? WindowFeatures.fit(w, params.differences(), rows, finite)
                        : WindowFeatures.fit(
                                params.window(),
                                params.differences(),
                                params.scales(),
                                rows,
                                finite);
        int n = Math.min(starts.size(), params.maxWindows());
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = unweighted.vector(rows, starts.get((int) ((long) i * starts.size() / n)));
        }
        WindowFeatures features =
                unweighted.withGroupWeights(vectors); // rescales the vectors' coarse groups
        report.accept(0.05);

        String algorithm = params.algorithm();
        boolean neighbours =
                algorithm.equals("cblof") == false && algorithm.equals("lstm") == false;
        NeighbourIndex index = neighbours ? new NeighbourIndex(vectors) : null;
        report.accept(0.25);
        // The training scores only feed a distribution (scale and percentiles): kNN and the
        // ensemble take them on an even
        // sample of at most TRAINING_SAMPLE windows, every component on the same windows. LOF needs
        // every window's neighbours.
        int[] sample = TrainingNeighbours.sample(n, algorithm.equals("lof") ? n : TRAINING_SAMPLE);
        TrainingNeighbours trainingNn =
                neighbours
                        ? TrainingNeighbours.of(
                                index, params.k(), sample, p -> report.accept(0.25 + 0.5 * p))
                        : null;
        List<WindowScorer> components = new ArrayList<>();
        List<double[]> raws = new ArrayList<>();
        if (algorithm.equals("knn") || algorithm.equals("ensemble")) {
            components.add(KnnScorer.INSTANCE);
            raws.add(KnnScorer.trainingRaws(trainingNn));
        }
        // Not in the ensemble: a density ratio is unstable on the runs of identical windows that
        // idle or quantised metrics
        // give (CPU at 0 %, no disk writes), where the floored density of the run makes any small
        // departure from it an
        // extreme outlier. Models saved with LOF in the ensemble still load and score with it.
        if (algorithm.equals("lof")) {
            double[] r = new double[n];
            components.add(LofScorer.fit(trainingNn, r));
            raws.add(r);
        }
        if (algorithm.equals("cblof") || algorithm.equals("ensemble")) {
            double[] r = new double[n];
            components.add(
                    CblofScorer.fit(vectors, params.clusters(), params.alpha(), params.beta(), r));
            if (algorithm.equals("ensemble")) { // the kNN raws' windows
                double[] sampled = new double[sample.length];
                for (int i = 0; i < sample.length; i++) {
                    sampled[i] = r[sample[i]];
                }
                r = sampled;
            }
            raws.add(r);
        }
        if (algorithm.equals("lstm")) {
            LstmScorer.Fitted fitted =
                    LstmScorer.fit(
                            engine, params, fields, vectors, p -> report.accept(0.05 + 0.8 * p));
            components.add(fitted.scorer());
            raws.add(fitted.calibrationRaws()); // the held-out windows: fewer than n
        }
        report.accept(0.9);
        List<ScoreScale> componentScales = new ArrayList<>();
        for (double[] r : raws) {
            componentScales.add(ScoreScale.fit(r));
        }
        double[] modelRaws = combine(raws, componentScales);
        ScoreScale scale = ScoreScale.fit(modelRaws);
        double[] normalised = new double[modelRaws.length];
        for (int i = 0; i < normalised.length; i++) {
            normalised[i] = scale.normalise(modelRaws[i]);
        }
        MetricModel model =
                new MetricModel(
                        params,
                        features,
                        index,
                        List.copyOf(components),
                        List.copyOf(componentScales),
                        scale,
                        ScoreDistribution.of(normalised));
        report.accept(1.0);
        return model;
    }

    /** One component: its raw; several: the mean of their normalised scores. */
    private static double[] combine(List<double[]> raws, List<ScoreScale> scales) {
        if (raws.size() == 1) {
            return raws.get(0);
        }
        int n = raws.get(0).length; // every component scored the same windows
        double[] out = new double[n];
        for (int c = 0; c < raws.size(); c++) {
            double[] r = raws.get(c);
            ScoreScale s = scales.get(c);
            for (int i = 0; i < n; i++) {
                out[i] += s.normalise(r[i]) / raws.size();
            }
        }
        return out;
    }

    public MetricParams params() {
        return params;
    }

    /** Rows one score reads: {@link MetricParams#rows()} of the model's params. */
    public int window() {
        return features.span();
    }

    public int fields() {
        return features.fields();
    }

    /**
     * Wall time of each training epoch of the LSTM (empty for the other algorithms and for loaded
     * models).
     */
    public double[] epochSeconds() {
        return components.get(0) instanceof LstmScorer lstm ? lstm.epochSeconds() : new double[0];
    }

    /**
     * Windows the training-score distribution comes from: the training windows (for kNN and the
     * ensemble an even sample of at most 20,000 of them), or for lstm the held-out newest fifth.
     */
    public int trainingWindows() {
        return (int) trainingScores.count();
    }

    /**
     * Distribution of the normalised training scores (neighbour-based ones leave the window itself
     * out).
     */
    public ScoreDistribution trainingScores() {
        return trainingScores;
    }

    /**
     * Scores remembered by {@link #newState()}: a score counts as an onset when it beats the
     * entity's previous 100.
     */
    public static final int DEFAULT_ONSET_HISTORY = 100;

    /**
     * A rise of new highs counts at its end, or at this many points (the default window), whichever
     * comes first.
     */
    public static final int DEFAULT_MAX_RISE = MetricParams.DEFAULT_WINDOW;

    /**
     * A fresh per-entity state for {@link #score(float[][], OnsetState)}: onset history 100, rises
     * capped at 8 points.
     */
    public static OnsetState newState() {
        return newState(DEFAULT_ONSET_HISTORY);
    }

    /**
     * @param history scores remembered, 1 to 100,000
     */
    public static OnsetState newState(int history) {
        return new OnsetState(history, DEFAULT_MAX_RISE);
    }

    /**
     * Scores one window of an entity whose earlier points went through {@code state}, in time
     * order: as {@link #score(float[][])}, but the score is the previous point's when that one
     * ended a rise of new highs over the entity's last {@link OnsetState#history()} scores, else 0
     * (see {@link OnsetState}); raw score and field contributions are this window's. {@code state}
     * may have been filled by an earlier model of the entity.
     */
    public MetricScore score(float[][] windowRows, OnsetState state) {
        MetricScore s = score(windowRows);
        return new MetricScore(state.gate(s.score()), s.raw(), s.fieldContributions());
    }

    /**
     * Scores one window.
     *
     * @param windowRows exactly {@link #window()} rows of {@link #fields()} finite values, oldest
     *     first
     */
    public MetricScore score(float[][] windowRows) {
        if (windowRows == null || windowRows.length != window()) {
            throw new IllegalArgumentException(
                    "a window must have "
                            + window()
                            + " rows, got "
                            + (windowRows == null ? "null" : windowRows.length));
        }
        for (int t = 0; t < windowRows.length; t++) {
            if (windowRows[t].length != fields()) {
                throw new IllegalArgumentException(
                        "window row "
                                + t
                                + " has "
                                + windowRows[t].length
                                + " fields, the model has "
                                + fields());
            }
            if (allFinite(windowRows[t]) == false) {
                throw new IllegalArgumentException(
                        "window row "
                                + t
                                + " holds a NaN or infinite value; metric models score finite values only");
            }
        }
        float[] v = features.vector(windowRows, 0);
        if (components.get(0) instanceof LstmScorer lstm) {
            return lstmScore(lstm, lstm.errors(v));
        }
        Neighbours nn = index == null ? null : index.search(v, params.k(), -1);
        double raw;
        if (components.size() == 1) {
            raw = components.get(0).rawScore(v, nn);
        } else {
            raw = 0;
            for (int c = 0; c < components.size(); c++) {
                raw +=
                        componentScales.get(c).normalise(components.get(c).rawScore(v, nn))
                                / components.size();
            }
        }
        float[] reference = nn != null ? meanOf(nn) : components.get(0).reference(v);
        return new MetricScore(scale.normalise(raw), raw, features.contributions(v, reference));
    }

    /**
     * Scores the window ending at each row from {@code from} to {@code to - 1}, as {@link #score}
     * would one by one (the LSTM forecasts all of them in one engine call).
     *
     * @param rows time-ordered rows of finite values; {@code window() - 1 <= from <= to <=
     *     rows.length}
     */
    public MetricScore[] scoreSeries(float[][] rows, int from, int to) {
        int w = window();
        if (from < w - 1 || to < from || to > rows.length) {
            throw new IllegalArgumentException(
                    "need "
                            + (w - 1)
                            + " <= from <= to <= "
                            + rows.length
                            + ", got from "
                            + from
                            + " to "
                            + to);
        }
        MetricScore[] out = new MetricScore[to - from];
        if (components.get(0) instanceof LstmScorer lstm) {
            float[][] vectors = new float[out.length][];
            for (int i = 0; i < out.length; i++) {
                vectors[i] = features.vector(rows, from + i - w + 1);
            }
            double[][] errors = lstm.errorsOf(vectors);
            for (int i = 0; i < out.length; i++) {
                out[i] = lstmScore(lstm, errors[i]);
            }
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = score(Arrays.copyOfRange(rows, from + i - w + 1, from + i + 1));
        }
        return out;
    }

    /**
     * {@link #scoreSeries(float[][], int, int)} through a per-entity state, point by point in time
     * order.
     */
    public MetricScore[] scoreSeries(float[][] rows, int from, int to, OnsetState state) {
        MetricScore[] out = scoreSeries(rows, from, to);
        for (int i = 0; i < out.length; i++) {
            out[i] =
                    new MetricScore(
                            state.gate(out[i].score()), out[i].raw(), out[i].fieldContributions());
        }
        return out;
    }

    private MetricScore lstmScore(LstmScorer lstm, double[] errors) {
        double raw = lstm.raw(errors);
        return new MetricScore(scale.normalise(raw), raw, LstmScorer.contributions(errors));
    }

    private float[] meanOf(Neighbours nn) {
        float[] mean = new float[index.dimension()];
        for (int ord : nn.ords()) {
            float[] x = index.vector(ord);
            for (int d = 0; d < mean.length; d++) {
                mean[d] += x[d] / nn.size();
            }
        }
        return mean;
    }

    private static boolean allFinite(float[] row) {
        for (float x : row) {
            if (Float.isFinite(x) == false) {
                return false;
            }
        }
        return true;
    }

    /** Heap held by the model: training vectors, HNSW graph, per-algorithm state. */
    public long ramBytes() {
        long bytes = 256 + 16L * ScoreDistribution.QUANTILES;
        if (index != null) {
            bytes += index.ramBytes();
        }
        for (WindowScorer c : components) {
            bytes += c.ramBytes();
        }
        return bytes;
    }

    /**
     * Compact, versioned bytes: format id "AIMM", format version, params, standardisation, scales,
     * training-score distribution, training vectors (the HNSW graph is rebuilt from them on load)
     * and each scorer's state.
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT_ID);
            out.writeShort(FORMAT_VERSION);
            out.writeUTF(params.algorithm());
            out.writeInt(params.window());
            out.writeInt(params.k());
            out.writeInt(params.clusters());
            out.writeDouble(params.alpha());
            out.writeDouble(params.beta());
            out.writeBoolean(params.differences());
            out.writeInt(params.maxWindows());
            out.writeInt(params.hidden());
            out.writeInt(params.epochs());
            out.writeByte(params.scales());
            features.writeTo(out);
            scale.writeTo(out);
            trainingScores.writeTo(out);
            out.writeBoolean(index != null);
            if (index != null) {
                out.writeInt(index.size());
                out.writeInt(index.dimension());
                for (float[] v : index.vectors()) {
                    for (float x : v) {
                        out.writeFloat(x);
                    }
                }
            }
            out.writeByte(components.size());
            for (int c = 0; c < components.size(); c++) {
                out.writeByte(components.get(c).kind());
                componentScales.get(c).writeTo(out);
                components.get(c).writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException for bytes of another format or an unknown version
     */
    public static MetricModel fromBytes(byte[] bytes) {
        return fromBytes(bytes, null);
    }

    /**
     * @param engine the neural engine, needed by metric_lstm models only
     * @throws IllegalArgumentException for bytes of another format or an unknown version
     */
    public static MetricModel fromBytes(byte[] bytes, DjlEngine engine) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int id = in.readInt();
            if (id != FORMAT_ID) {
                throw new IllegalArgumentException(
                        String.format(
                                Locale.ROOT,
                                "not a metric model: format id 0x%08x, expected 0x%08x",
                                id,
                                FORMAT_ID));
            }
            short version = in.readShort();
            if (version < 1 || version > FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "metric model format version "
                                + version
                                + " is not supported (this plugin reads versions 1 to "
                                + FORMAT_VERSION
                                + "); retrain the detector");
            }
            MetricParams params =
                    new MetricParams(
                            in.readUTF(),
                            in.readInt(),
                            in.readInt(),
                            in.readInt(),
                            in.readDouble(),
                            in.readDouble(),
                            in.readBoolean(),
                            in.readInt(),
                            version >= 2 ? in.readInt() : MetricParams.DEFAULT_HIDDEN,
                            version >= 2 ? in.readInt() : MetricParams.DEFAULT_EPOCHS,
                            version >= 3 ? in.readByte() : 1);
            WindowFeatures features = WindowFeatures.readFrom(in, version);
            ScoreScale scale = ScoreScale.readFrom(in);
            ScoreDistribution distribution = ScoreDistribution.readFrom(in);
            NeighbourIndex index = null;
            if (in.readBoolean()) {
                int n = in.readInt();
                int dim = in.readInt();
                float[][] vectors = new float[n][dim];
                for (float[] v : vectors) {
                    for (int d = 0; d < dim; d++) {
                        v[d] = in.readFloat();
                    }
                }
                index = new NeighbourIndex(vectors);
            }
            int count = in.readByte();
            List<WindowScorer> components = new ArrayList<>();
            List<ScoreScale> scales = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                byte kind = in.readByte();
                scales.add(ScoreScale.readFrom(in));
                components.add(
                        switch (kind) {
                            case WindowScorer.KNN -> KnnScorer.INSTANCE;
                            case WindowScorer.LOF -> LofScorer.readFrom(in);
                            case WindowScorer.CBLOF -> CblofScorer.readFrom(in);
                            case WindowScorer.LSTM -> LstmScorer.readFrom(in, engine);
                            default ->
                                    throw new IllegalArgumentException(
                                            "corrupt metric model: unknown scorer kind " + kind);
                        });
            }
            return new MetricModel(
                    params,
                    features,
                    index,
                    List.copyOf(components),
                    List.copyOf(scales),
                    scale,
                    distribution);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt metric model: " + e.getMessage(), e);
        }
    }
}
