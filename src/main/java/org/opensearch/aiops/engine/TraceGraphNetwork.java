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
import java.util.Random;
import java.util.function.DoubleConsumer;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;

/**
 * Trains and runs {@link TraceGraphBlock} on PyTorch through {@link DjlEngine}, batch by batch over
 * a {@link GraphStream} (the stream owns the node memory between batches; gradients flow within a
 * batch, as in TGN). No native object outlives a call: the trained state is the block's parameters
 * in DJL's format.
 */
public final class TraceGraphNetwork {

    /**
     * Widths: event attributes, KPIs per instance (at least 1), node memory, node embedding (even:
     * two heads), time encoding, service features.
     */
    public record Dims(
            int attributes, int kpis, int memory, int embedding, int time, int services) {

        public Dims {
            if (attributes < 1 || kpis < 1 || memory < 1 || time < 1 || services < 1) {
                throw new IllegalArgumentException("every width must be at least 1: " + this);
            }
            if (embedding < 2 || embedding % TraceGraphBlock.HEADS != 0) {
                throw new IllegalArgumentException("embedding must be even, got " + embedding);
            }
        }

        /** Width of the autoencoder's input [h_s ‖ KPI_s ‖ h_d ‖ KPI_d ‖ A]. */
        public int fused() {
            return 2 * embedding + 2 * kpis + attributes;
        }
    }

    /**
     * Training schedule: at most {@code maxEpochs}, stopping after {@code patience} epochs without
     * a better validation loss; Adam at {@code learningRate}; loss weights α (link) and β
     * (reconstruction); θ, the standard deviation of the attribute perturbation negatives.
     */
    public record Schedule(
            int maxEpochs,
            int patience,
            float learningRate,
            float alpha,
            float beta,
            float theta,
            long seed) {}

    /**
     * One batch of events over {@code nodes} nodes: memory {@code nodes × M}, service features
     * {@code nodes × S}, each event's local source and destination node, attributes {@code E × A},
     * Δt since the pair's previous call (time-encoding input), KPIs {@code E × 2K} (source then
     * destination).
     */
    public record EventBatch(
            int nodes,
            float[] memory,
            float[] services,
            int[] source,
            int[] destination,
            float[] attributes,
            float[] dt,
            float[] kpis) {

        public int events() {
            return source.length;
        }
    }

    /** What the network computed for a batch: updated memory, per-dimension errors, link probs. */
    public record BatchResult(
            float[] memory, float[] errors, float[] linkProbability, float loss) {}

    /** Batches in time order; the stream keeps node memory and pair times between them. */
    public interface GraphStream {

        /** Back to the state before the first batch (every training epoch starts there). */
        void reset();

        int batches();

        /** Batch {@code i}, built from the state the previous batches left. */
        EventBatch batch(int i);

        /** Stores the batch's result (its updated memory) into the state. */
        void advance(int i, BatchResult result);
    }

    /** Per epoch: seconds, training loss, validation loss; the epoch whose parameters were kept. */
    public record TrainingLog(double[] seconds, double[] loss, double[] validationLoss, int best) {}

    private final DjlEngine engine;
    private final Dims dims;
    private final byte[] parameters;
    private final TrainingLog log;

    private TraceGraphNetwork(DjlEngine engine, Dims dims, byte[] parameters, TrainingLog log) {
        this.engine = engine;
        this.dims = dims;
        this.parameters = parameters;
        this.log = log;
    }

    /** A network from {@link #parameters()} of one trained with the same dims, and its log. */
    public static TraceGraphNetwork load(
            DjlEngine engine, Dims dims, byte[] parameters, TrainingLog log) {
        return new TraceGraphNetwork(engine, dims, parameters, log);
    }

    /**
     * Trains on {@code training}, choosing the epoch by the loss on {@code validation} (which
     * continues the training stream's state). {@code progress} receives the fraction of the maximum
     * epochs done and may throw to cancel.
     */
    public static TraceGraphNetwork train(
            DjlEngine engine,
            Dims dims,
            Schedule schedule,
            GraphStream training,
            GraphStream validation,
            DoubleConsumer progress)
            throws Exception {
        return engine.call(
                () -> {
                    try (Model model = Model.newInstance("trace_graph", DjlEngine.PYTORCH)) {
                        model.getNDManager().getEngine().setRandomSeed((int) schedule.seed());
                        TraceGraphBlock block = new TraceGraphBlock(dims);
                        block.lossWeights(schedule.alpha(), schedule.beta());
                        model.setBlock(block);
                        DefaultTrainingConfig config = DjlEngine.adamL2(schedule.learningRate());
                        Random random = new Random(schedule.seed());
                        int max = schedule.maxEpochs();
                        double[] seconds = new double[max];
                        double[] losses = new double[max];
                        double[] validationLosses = new double[max];
                        byte[] best = null;
                        double bestLoss = Double.POSITIVE_INFINITY;
                        int bestEpoch = -1;
                        int epochs = 0;
                        try (Trainer trainer = model.newTrainer(config)) {
                            trainer.initialize(initShapes(dims));
                            for (int epoch = 0; epoch < max; epoch++) {
                                long start = System.nanoTime();
                                training.reset();
                                double sum = 0;
                                for (int i = 0; i < training.batches(); i++) {
                                    EventBatch batch = training.batch(i);
                                    try (NDManager step = trainer.getManager().newSubManager();
                                            GradientCollector collector =
                                                    trainer.newGradientCollector()) {
                                        NDList out =
                                                trainer.forward(
                                                        inputs(
                                                                step,
                                                                dims,
                                                                batch,
                                                                random,
                                                                schedule.theta()));
                                        collector.backward(out.get(0));
                                        sum += out.get(0).getFloat();
                                        training.advance(i, result(out, Float.NaN));
                                    }
                                    trainer.step();
                                }
                                losses[epoch] = sum / Math.max(1, training.batches());
                                validationLosses[epoch] =
                                        validate(
                                                trainer,
                                                dims,
                                                validation,
                                                random,
                                                schedule.theta());
                                seconds[epoch] = (System.nanoTime() - start) / 1e9;
                                epochs = epoch + 1;
                                if (validationLosses[epoch] < bestLoss - 1e-6) {
                                    bestLoss = validationLosses[epoch];
                                    bestEpoch = epoch;
                                    best = save(block);
                                }
                                if (progress != null) {
                                    progress.accept(epochs / (double) max);
                                }
                                if (epoch - bestEpoch >= schedule.patience()) {
                                    break;
                                }
                            }
                        }
                        TrainingLog log =
                                new TrainingLog(
                                        java.util.Arrays.copyOf(seconds, epochs),
                                        java.util.Arrays.copyOf(losses, epochs),
                                        java.util.Arrays.copyOf(validationLosses, epochs),
                                        bestEpoch);
                        return new TraceGraphNetwork(
                                engine, dims, best == null ? save(block) : best, log);
                    }
                });
    }

    /** Mean validation loss; an empty validation stream counts as 0 (every epoch then ties). */
    private static double validate(
            Trainer trainer, Dims dims, GraphStream validation, Random random, float theta) {
        double sum = 0;
        for (int i = 0; i < validation.batches(); i++) {
            EventBatch batch = validation.batch(i);
            try (NDManager step = trainer.getManager().newSubManager()) {
                NDList out = trainer.evaluate(inputs(step, dims, batch, random, theta));
                sum += out.get(0).getFloat();
                validation.advance(i, result(out, Float.NaN));
            }
        }
        return sum / Math.max(1, validation.batches());
    }

    /** Runs every batch of {@code stream} without training; the stream keeps what it needs. */
    public void run(GraphStream stream) throws Exception {
        engine.call(
                () -> {
                    try (Model model = Model.newInstance("trace_graph", DjlEngine.PYTORCH)) {
                        NDManager manager = model.getNDManager();
                        TraceGraphBlock block = new TraceGraphBlock(dims);
                        block.initialize(manager, DataType.FLOAT32, initShapes(dims));
                        try (DataInputStream in =
                                new DataInputStream(new ByteArrayInputStream(parameters))) {
                            block.loadParameters(manager, in);
                        } catch (IOException | MalformedModelException e) {
                            throw new IllegalArgumentException(
                                    "corrupt trace graph parameters: " + e.getMessage(), e);
                        }
                        ParameterStore store = new ParameterStore(manager, false);
                        for (int i = 0; i < stream.batches(); i++) {
                            EventBatch batch = stream.batch(i);
                            try (NDManager step = manager.newSubManager()) {
                                NDList out =
                                        block.forward(
                                                store, inputs(step, dims, batch, null, 0f), false);
                                stream.advance(i, result(out, out.get(0).getFloat()));
                            }
                        }
                    }
                    return null;
                });
    }

    public Dims dims() {
        return dims;
    }

    public byte[] parameters() {
        return parameters.clone();
    }

    /** Size of {@link #parameters()}, without copying them. */
    public int parameterBytes() {
        return parameters.length;
    }

    public TrainingLog log() {
        return log;
    }

    private static BatchResult result(NDList out, float loss) {
        return new BatchResult(
                out.get(1).toFloatArray(),
                out.get(2).toFloatArray(),
                out.get(3).toFloatArray(),
                loss);
    }

    private static byte[] save(TraceGraphBlock block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    private static Shape[] initShapes(Dims dims) {
        int n = 2;
        int e = 1;
        return new Shape[] {
            new Shape(n, dims.memory()),
            new Shape(n, dims.services()),
            new Shape(n, e),
            new Shape(n, e),
            new Shape(e, n),
            new Shape(e, n),
            new Shape(e, n),
            new Shape(e, dims.attributes()),
            new Shape(e, 1),
            new Shape(e, 2 * dims.kpis()),
            new Shape(e, dims.attributes())
        };
    }

    /**
     * The block's inputs for a batch. Negatives are drawn here: a random other node of the batch as
     * destination, and ε ~ N(0, θ²) per attribute; {@code random} null (inference) draws none.
     */
    static NDList inputs(NDManager m, Dims dims, EventBatch batch, Random random, float theta) {
        int n = batch.nodes();
        int e = batch.events();
        float[] sourceOf = new float[n * e];
        float[] destinationOf = new float[n * e];
        float[] sourceSel = new float[e * n];
        float[] destinationSel = new float[e * n];
        float[] negativeSel = new float[e * n];
        float[] noise = new float[e * dims.attributes()];
        for (int i = 0; i < e; i++) {
            int s = batch.source()[i];
            int d = batch.destination()[i];
            sourceOf[s * e + i] = 1;
            destinationOf[d * e + i] = 1;
            sourceSel[i * n + s] = 1;
            destinationSel[i * n + d] = 1;
            int negative = d;
            if (random != null && n > 1) {
                negative = random.nextInt(n - 1);
                negative = negative >= d ? negative + 1 : negative;
            }
            negativeSel[i * n + negative] = 1;
        }
        if (random != null) {
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) (random.nextGaussian() * theta);
            }
        }
        NDArray dt = m.create(batch.dt(), new Shape(e, 1));
        return new NDList(
                m.create(batch.memory(), new Shape(n, dims.memory())),
                m.create(batch.services(), new Shape(n, dims.services())),
                m.create(sourceOf, new Shape(n, e)),
                m.create(destinationOf, new Shape(n, e)),
                m.create(sourceSel, new Shape(e, n)),
                m.create(destinationSel, new Shape(e, n)),
                m.create(negativeSel, new Shape(e, n)),
                m.create(batch.attributes(), new Shape(e, dims.attributes())),
                dt,
                m.create(batch.kpis(), new Shape(e, 2 * dims.kpis())),
                m.create(noise, new Shape(e, dims.attributes())));
    }
}
