/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleConsumer;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;

/**
 * A 2-layer LSTM that forecasts the next row of a multi-field series from the previous {@code
 * steps} rows, trained and run on PyTorch through {@link DjlEngine}. It predicts the change from
 * the last input row (the persistence forecast is the starting point, so a flat or slowly drifting
 * series is learnt at once). The trained state is the block's parameters in DJL's own parameter
 * format; no native object outlives a call, so instances need no closing and are thread-safe.
 */
public final class LstmForecaster {

    /** Network shape: input rows per forecast, values per row, units per LSTM layer. */
    public record Shape3(int steps, int fields, int hidden) {}

    /**
     * Training schedule: {@code epochs} passes, more when that many passes would take fewer than
     * {@code minSteps} gradient steps (a small series has only a few sequences per pass).
     */
    public record Schedule(int epochs, int minSteps, int batch, float learningRate, long seed) {}

    static final int LAYERS = 2;

    /** Windows per inference call: bounds the input tensor (~ 4096 × steps × fields floats). */
    private static final int INFERENCE_CHUNK = 4096;

    private static final int MIN_SEQUENCES = 256;

    private final DjlEngine engine;
    private final Shape3 shape;
    private final byte[] parameters;
    private final double[] epochSeconds;

    private LstmForecaster(
            DjlEngine engine, Shape3 shape, byte[] parameters, double[] epochSeconds) {
        this.engine = engine;
        this.shape = shape;
        this.parameters = parameters;
        this.epochSeconds = epochSeconds;
    }

    /**
     * Trains on windows of {@code steps + 1} rows. One epoch predicts every window's last row once,
     * but not one LSTM pass per window: every {@code steps / 2}-th window is run as a sequence and
     * each of its last {@code steps / 2} positions forecasts the row after it (so a forecast learns
     * from 40 to 80 rows of context when steps is 80). On consecutive windows that covers every
     * target once at about 1/40 of the cost of one pass per window; scoring always runs the full
     * window and uses the last position. Small sets use a smaller stride (at least 256 sequences
     * per epoch), so targets are then visited several times per epoch.
     *
     * @param windows {@code n × (steps + 1) × fields} values, window by window, row by row
     * @param progress receives the fraction of epochs done (may be null)
     */
    public static LstmForecaster train(
            DjlEngine engine,
            Shape3 shape,
            Schedule schedule,
            float[] windows,
            int n,
            DoubleConsumer progress)
            throws Exception {
        int fields = shape.fields();
        int steps = shape.steps();
        int windowLength = (steps + 1) * fields;
        if (n == 0 || windows.length != n * windowLength) {
            throw new IllegalArgumentException(
                    "windows must hold "
                            + n
                            + " windows of "
                            + windowLength
                            + " values, got "
                            + windows.length);
        }
        int skip = steps / 2; // positions without a loss: too little context
        int predicted = steps - skip;
        // at least MIN_SEQUENCES distinct sequences per epoch when there are that many windows: a
        // few long sequences
        // overfit their own noise (a small series then scores its own new points as anomalous)
        int stride = Math.max(1, Math.min(predicted, n / MIN_SEQUENCES));
        int sequences = (n + stride - 1) / stride;
        return engine.call(
                () -> {
                    try (Model model = Model.newInstance("metric_lstm", DjlEngine.PYTORCH)) {
                        model.getNDManager().getEngine().setRandomSeed((int) schedule.seed());
                        Block block = block(shape, skip);
                        model.setBlock(block);
                        DefaultTrainingConfig config = DjlEngine.adamL2(schedule.learningRate());
                        int batch = Math.min(schedule.batch(), sequences);
                        int batchesPerEpoch = (sequences + batch - 1) / batch;
                        int epochs =
                                Math.max(
                                        schedule.epochs(),
                                        (schedule.minSteps() + batchesPerEpoch - 1)
                                                / batchesPerEpoch);
                        double[] seconds = new double[epochs];
                        try (Trainer trainer = model.newTrainer(config)) {
                            trainer.initialize(new Shape(batch, steps, fields));
                            Random random = new Random(schedule.seed());
                            int[] order = new int[sequences];
                            for (int i = 0; i < sequences; i++) {
                                order[i] = Math.min(i * stride, n - 1);
                            }
                            float[] x = new float[batch * steps * fields];
                            float[] y = new float[batch * predicted * fields];
                            for (int epoch = 0; epoch < epochs; epoch++) {
                                long start = System.nanoTime();
                                shuffle(order, random);
                                for (int from = 0; from < sequences; from += batch) {
                                    int b = Math.min(batch, sequences - from);
                                    for (int i = 0; i < b; i++) {
                                        int w = order[from + i] * windowLength;
                                        System.arraycopy(
                                                windows, w, x, i * steps * fields, steps * fields);
                                        for (int j = 0; j < predicted; j++) {
                                            int row = w + (skip + j) * fields; // input row; its
                                            // target is the next
                                            // one
                                            for (int f = 0; f < fields; f++) {
                                                y[(i * predicted + j) * fields + f] =
                                                        windows[row + fields + f]
                                                                - windows[row + f];
                                            }
                                        }
                                    }
                                    try (NDManager step = trainer.getManager().newSubManager();
                                            GradientCollector collector =
                                                    trainer.newGradientCollector()) {
                                        NDArray input =
                                                step.create(
                                                        b == batch
                                                                ? x
                                                                : Arrays.copyOf(
                                                                        x, b * steps * fields),
                                                        new Shape(b, steps, fields));
                                        NDArray target =
                                                step.create(
                                                        b == batch
                                                                ? y
                                                                : Arrays.copyOf(
                                                                        y, b * predicted * fields),
                                                        new Shape(b, predicted, fields));
                                        NDArray prediction =
                                                trainer.forward(new NDList(input))
                                                        .singletonOrThrow();
                                        NDArray loss =
                                                trainer.getLoss()
                                                        .evaluate(
                                                                new NDList(target),
                                                                new NDList(prediction));
                                        collector.backward(loss);
                                    }
                                    trainer.step();
                                }
                                seconds[epoch] = (System.nanoTime() - start) / 1e9;
                                if (progress != null) {
                                    progress.accept((epoch + 1) / (double) epochs);
                                }
                            }
                        }
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        try (DataOutputStream out = new DataOutputStream(bytes)) {
                            block.saveParameters(out);
                        }
                        return new LstmForecaster(engine, shape, bytes.toByteArray(), seconds);
                    }
                });
    }

    /** A forecaster from {@link #parameters()} of one trained with the same shape. */
    public static LstmForecaster load(DjlEngine engine, Shape3 shape, byte[] parameters) {
        return new LstmForecaster(engine, shape, parameters, new double[0]);
    }

    /**
     * Forecasts the row after each of {@code n} windows.
     *
     * @param inputs {@code n × steps × fields} values
     * @return {@code n × fields} forecasts
     */
    public float[] forecast(float[] inputs, int n) throws Exception {
        int rowLength = shape.steps() * shape.fields();
        if (inputs.length < n * rowLength) {
            throw new IllegalArgumentException(
                    "inputs must hold "
                            + n
                            + " windows of "
                            + rowLength
                            + " values, got "
                            + inputs.length);
        }
        return engine.call(
                () -> {
                    float[] out = new float[n * shape.fields()];
                    try (Model model = Model.newInstance("metric_lstm", DjlEngine.PYTORCH)) {
                        NDManager manager = model.getNDManager();
                        Block block = block(shape, shape.steps() - 1);
                        block.initialize(
                                manager,
                                DataType.FLOAT32,
                                new Shape(1, shape.steps(), shape.fields()));
                        try (DataInputStream in =
                                new DataInputStream(new ByteArrayInputStream(parameters))) {
                            block.loadParameters(manager, in);
                        } catch (IOException | MalformedModelException e) {
                            throw new IllegalArgumentException(
                                    "corrupt LSTM parameters: " + e.getMessage(), e);
                        }
                        ParameterStore store = new ParameterStore(manager, false);
                        for (int from = 0; from < n; from += INFERENCE_CHUNK) {
                            int b = Math.min(INFERENCE_CHUNK, n - from);
                            try (NDManager step = manager.newSubManager()) {
                                float[] chunk =
                                        Arrays.copyOfRange(
                                                inputs, from * rowLength, (from + b) * rowLength);
                                NDArray input =
                                        step.create(
                                                chunk, new Shape(b, shape.steps(), shape.fields()));
                                float[] delta =
                                        block.forward(store, new NDList(input), false)
                                                .singletonOrThrow()
                                                .toFloatArray();
                                for (int i = 0; i < b; i++) {
                                    for (int f = 0; f < shape.fields(); f++) {
                                        out[(from + i) * shape.fields() + f] =
                                                chunk[(i + 1) * rowLength - shape.fields() + f]
                                                        + delta[i * shape.fields() + f];
                                    }
                                }
                            }
                        }
                    }
                    return out;
                });
    }

    public Shape3 shape() {
        return shape;
    }

    /** The trained parameters in DJL's parameter format. */
    public byte[] parameters() {
        return parameters.clone();
    }

    /** Wall time of each training epoch (empty for a loaded forecaster). */
    public double[] epochSeconds() {
        return epochSeconds.clone();
    }

    /**
     * LSTM over all steps, the positions from {@code firstOutput} on, a linear forecast of the
     * change per position.
     */
    private static Block block(Shape3 shape, int firstOutput) {
        String positions = ":, " + firstOutput + ":, :";
        return new SequentialBlock()
                .add(
                        LSTM.builder()
                                .setStateSize(shape.hidden())
                                .setNumLayers(LAYERS)
                                .optBatchFirst(true)
                                .build())
                .add(new LambdaBlock(list -> new NDList(list.head().get(positions))))
                .add(Linear.builder().setUnits(shape.fields()).build());
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
