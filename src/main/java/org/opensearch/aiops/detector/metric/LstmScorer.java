/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.DoubleConsumer;

import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.aiops.engine.LstmForecaster;

/**
 * Forecast error of a 2-layer LSTM (PyTorch, through {@link DjlEngine}): a window vector is {@code
 * steps + 1} standardised rows; the LSTM forecasts the last row from the others. Each field's error
 * is divided by that field's root-mean-square training error, so a field the model forecasts well
 * weighs more per unit of error; the raw score is the root mean square of those per-field errors
 * and each field's contribution is its share of their squares.
 */
final class LstmScorer implements WindowScorer {
    /** Version of this scorer's own bytes, after the kind tag. */
    private static final short VERSION = 1;

    private static final int BATCH = 64;
    private static final int MIN_STEPS = 300;
    private static final float LEARNING_RATE = 0.005f;
    private static final long SEED = 42L;

    private final LstmForecaster forecaster;
    private final float[] errorScale;

    private LstmScorer(LstmForecaster forecaster, float[] errorScale) {
        this.forecaster = forecaster;
        this.errorScale = errorScale;
    }

    /** A trained scorer and the raw scores of its calibration windows. */
    record Fitted(LstmScorer scorer, double[] calibrationRaws) {}

    /**
     * Trains on the older windows and calibrates on the newest fifth (held out, in time order): a
     * forecaster scores the noise it was trained on lower than new noise, so in-sample errors would
     * put the threshold too low. Below 50 windows there is nothing to spare and the training
     * windows calibrate themselves.
     */
    static Fitted fit(
            DjlEngine engine,
            MetricParams params,
            int fields,
            float[][] vectors,
            DoubleConsumer progress) {
        requireEngine(engine);
        int steps = params.window();
        int n = vectors.length;
        int cut = n >= 50 ? n - n / 5 : n;
        float[][] training = Arrays.copyOf(vectors, cut);
        float[][] calibration = cut < n ? Arrays.copyOfRange(vectors, cut, n) : training;
        LstmForecaster.Shape3 shape = new LstmForecaster.Shape3(steps, fields, params.hidden());
        LstmForecaster forecaster =
                call(
                        () ->
                                LstmForecaster.train(
                                        engine,
                                        shape,
                                        new LstmForecaster.Schedule(
                                                params.epochs(),
                                                MIN_STEPS,
                                                BATCH,
                                                LEARNING_RATE,
                                                SEED),
                                        inputs(training, (steps + 1) * fields),
                                        training.length,
                                        progress));
        float[] forecasts =
                call(
                        () ->
                                forecaster.forecast(
                                        inputs(calibration, steps * fields), calibration.length));
        double[] sumSq = new double[fields];
        for (int i = 0; i < calibration.length; i++) {
            for (int f = 0; f < fields; f++) {
                double e = calibration[i][steps * fields + f] - forecasts[i * fields + f];
                sumSq[f] += e * e;
            }
        }
        float[] scale = new float[fields];
        for (int f = 0; f < fields; f++) {
            scale[f] = (float) Math.max(Math.sqrt(sumSq[f] / calibration.length), 1e-3);
        }
        LstmScorer scorer = new LstmScorer(forecaster, scale);
        double[] raws = new double[calibration.length];
        for (int i = 0; i < calibration.length; i++) {
            raws[i] = scorer.raw(scorer.errors(calibration[i], forecasts, i));
        }
        return new Fitted(scorer, raws);
    }

    double[] epochSeconds() {
        return forecaster.epochSeconds();
    }

    /** Per-field scaled errors of many window vectors in one inference call. */
    double[][] errorsOf(float[][] vectors) {
        int steps = forecaster.shape().steps();
        float[] forecasts =
                call(
                        () ->
                                forecaster.forecast(
                                        inputs(vectors, steps * errorScale.length),
                                        vectors.length));
        double[][] out = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            out[i] = errors(vectors[i], forecasts, i);
        }
        return out;
    }

    /** Per-field scaled errors of one window vector. */
    double[] errors(float[] vector) {
        return errorsOf(new float[][] {vector})[0];
    }

    double raw(double[] errors) {
        double sum = 0;
        for (double e : errors) {
            sum += e * e;
        }
        return Math.sqrt(sum / errors.length);
    }

    /** Each field's share of the squared scaled errors. */
    static double[] contributions(double[] errors) {
        double total = 0;
        for (double e : errors) {
            total += e * e;
        }
        double[] c = new double[errors.length];
        for (int f = 0; f < c.length; f++) {
            c[f] = total > 0 ? errors[f] * errors[f] / total : 1.0 / c.length;
        }
        return c;
    }

    private double[] errors(float[] vector, float[] forecasts, int i) {
        int fields = errorScale.length;
        int base = forecaster.shape().steps() * fields;
        double[] e = new double[fields];
        for (int f = 0; f < fields; f++) {
            e[f] = (vector[base + f] - forecasts[i * fields + f]) / errorScale[f];
        }
        return e;
    }

    private static float[] inputs(float[][] vectors, int length) {
        float[] inputs = new float[vectors.length * length];
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(vectors[i], 0, inputs, i * length, length);
        }
        return inputs;
    }

    @Override
    public byte kind() {
        return LSTM;
    }

    @Override
    public double rawScore(float[] vector, Neighbours nn) {
        return raw(errors(vector));
    }

    @Override
    public long ramBytes() {
        return 64L + forecaster.parameters().length + 4L * errorScale.length;
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeShort(VERSION);
        LstmForecaster.Shape3 shape = forecaster.shape();
        out.writeInt(shape.steps());
        out.writeInt(shape.fields());
        out.writeInt(shape.hidden());
        for (float s : errorScale) {
            out.writeFloat(s);
        }
        byte[] parameters = forecaster.parameters();
        out.writeInt(parameters.length);
        out.write(parameters);
    }

    static LstmScorer readFrom(DataInput in, DjlEngine engine) throws IOException {
        short version = in.readShort();
        if (version != VERSION) {
            throw new IOException(
                    "LSTM scorer version "
                            + version
                            + " is not supported (this plugin reads version "
                            + VERSION
                            + ")");
        }
        LstmForecaster.Shape3 shape =
                new LstmForecaster.Shape3(in.readInt(), in.readInt(), in.readInt());
        float[] scale = new float[shape.fields()];
        for (int f = 0; f < scale.length; f++) {
            scale[f] = in.readFloat();
        }
        int length = in.readInt();
        if (length < 0 || length > 256 << 20) {
            throw new IOException("corrupt LSTM parameters length " + length);
        }
        byte[] parameters = new byte[length];
        in.readFully(parameters);
        requireEngine(engine);
        return new LstmScorer(LstmForecaster.load(engine, shape, parameters), scale);
    }

    private static void requireEngine(DjlEngine engine) {
        if (engine == null) {
            throw new IllegalStateException(
                    "metric_lstm needs the neural engine (DJL on PyTorch), which is not available here");
        }
    }

    private interface EngineWork<T> {
        T run() throws Exception;
    }

    /**
     * Engine failures surface as unchecked exceptions: the callers (training, scoring) have no
     * checked-exception path.
     */
    private static <T> T call(EngineWork<T> work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("LSTM engine call failed: " + e.getMessage(), e);
        }
    }
}
