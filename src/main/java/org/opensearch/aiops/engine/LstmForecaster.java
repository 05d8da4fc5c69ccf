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
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * A 2-layer LSTM that forecasts the next row of a multi-field series from the previous {@code steps} rows, trained and run
 * on PyTorch through {@link DjlEngine}. It predicts the change from the last input row (the persistence forecast is the
 * starting point, so a flat or slowly drifting series is learnt at once). The trained state is the block's parameters in
 * DJL's own parameter format; no native object outlives a call, so instances need no closing and are thread-safe.
 */
public final class LstmForecaster {

    /** Network shape: input rows per forecast, values per row, units per LSTM layer. */
    public record Shape3(int steps, int fields, int hidden) {}

    /** Training schedule. */
    public record Schedule(int epochs, int batch, float learningRate, long seed) {}

    static final int LAYERS = 2;
    /** Windows per inference call: bounds the input tensor (~ 4096 × steps × fields floats). */
    private static final int INFERENCE_CHUNK = 4096;

    private final DjlEngine engine;
    private final Shape3 shape;
    private final byte[] parameters;
    private final double[] epochSeconds;

    private LstmForecaster(DjlEngine engine, Shape3 shape, byte[] parameters, double[] epochSeconds) {
        this.engine = engine;
        this.shape = shape;
        this.parameters = parameters;
        this.epochSeconds = epochSeconds;
    }

    /**
     * @param inputs   {@code n × steps × fields} values, window by window, row by row
     * @param targets  {@code n × fields}: the row after each window
     * @param progress receives the fraction of epochs done (may be null)
     */
    public static LstmForecaster train(DjlEngine engine, Shape3 shape, Schedule schedule, float[] inputs, float[] targets, DoubleConsumer progress)
        throws Exception {
        int rowLength = shape.steps() * shape.fields();
        int n = targets.length / shape.fields();
        if (n == 0 || inputs.length != n * rowLength) {
            throw new IllegalArgumentException("inputs must hold " + n + " windows of " + rowLength + " values, got " + inputs.length);
        }
        return engine.call(() -> {
            try (Model model = Model.newInstance("metric_lstm", DjlEngine.PYTORCH)) {
                model.getNDManager().getEngine().setRandomSeed((int) schedule.seed());
                Block block = block(shape);
                model.setBlock(block);
                DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(
                    Optimizer.adam().optLearningRateTracker(Tracker.fixed(schedule.learningRate())).optClipGrad(1f).build()
                );
                int batch = Math.min(schedule.batch(), n);
                double[] seconds = new double[schedule.epochs()];
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(batch, shape.steps(), shape.fields()));
                    Random random = new Random(schedule.seed());
                    int[] order = new int[n];
                    for (int i = 0; i < n; i++) {
                        order[i] = i;
                    }
                    float[] x = new float[batch * rowLength];
                    float[] y = new float[batch * shape.fields()];
                    for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
                        long start = System.nanoTime();
                        shuffle(order, random);
                        for (int from = 0; from < n; from += batch) {
                            int b = Math.min(batch, n - from);
                            for (int i = 0; i < b; i++) {
                                int w = order[from + i];
                                System.arraycopy(inputs, w * rowLength, x, i * rowLength, rowLength);
                                for (int f = 0; f < shape.fields(); f++) {
                                    // target: change from the window's last row
                                    y[i * shape.fields() + f] = targets[w * shape.fields() + f] - inputs[(w + 1) * rowLength - shape.fields() + f];
                                }
                            }
                            try (NDManager step = trainer.getManager().newSubManager(); GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray input = step.create(b == batch ? x : Arrays.copyOf(x, b * rowLength), new Shape(b, shape.steps(), shape.fields()));
                                NDArray target = step.create(b == batch ? y : Arrays.copyOf(y, b * shape.fields()), new Shape(b, shape.fields()));
                                NDArray prediction = trainer.forward(new NDList(input)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(prediction));
                                collector.backward(loss);
                            }
                            trainer.step();
                        }
                        seconds[epoch] = (System.nanoTime() - start) / 1e9;
                        if (progress != null) {
                            progress.accept((epoch + 1) / (double) schedule.epochs());
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
            throw new IllegalArgumentException("inputs must hold " + n + " windows of " + rowLength + " values, got " + inputs.length);
        }
        return engine.call(() -> {
            float[] out = new float[n * shape.fields()];
            try (Model model = Model.newInstance("metric_lstm", DjlEngine.PYTORCH)) {
                NDManager manager = model.getNDManager();
                Block block = block(shape);
                block.initialize(manager, DataType.FLOAT32, new Shape(1, shape.steps(), shape.fields()));
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
                    block.loadParameters(manager, in);
                } catch (IOException | MalformedModelException e) {
                    throw new IllegalArgumentException("corrupt LSTM parameters: " + e.getMessage(), e);
                }
                ParameterStore store = new ParameterStore(manager, false);
                for (int from = 0; from < n; from += INFERENCE_CHUNK) {
                    int b = Math.min(INFERENCE_CHUNK, n - from);
                    try (NDManager step = manager.newSubManager()) {
                        float[] chunk = Arrays.copyOfRange(inputs, from * rowLength, (from + b) * rowLength);
                        NDArray input = step.create(chunk, new Shape(b, shape.steps(), shape.fields()));
                        float[] delta = block.forward(store, new NDList(input), false).singletonOrThrow().toFloatArray();
                        for (int i = 0; i < b; i++) {
                            for (int f = 0; f < shape.fields(); f++) {
                                out[(from + i) * shape.fields() + f] = chunk[(i + 1) * rowLength - shape.fields() + f] + delta[i * shape.fields() + f];
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

    private static Block block(Shape3 shape) {
        return new SequentialBlock().add(LSTM.builder().setStateSize(shape.hidden()).setNumLayers(LAYERS).optBatchFirst(true).build())
            .add(new LambdaBlock(list -> new NDList(list.head().get(":, -1, :"))))
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
