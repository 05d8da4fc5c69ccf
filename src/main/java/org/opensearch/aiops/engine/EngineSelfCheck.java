/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Proves the neural runtime works inside the node, as the detectors will use it: trains a tiny
 * autoencoder and a tiny LSTM forecaster on PyTorch and embeds one sentence on ONNX Runtime. Used
 * by the engine check endpoint, which is also the air-gapped install's smoke test.
 */
public final class EngineSelfCheck {

    static final String PROBE_SENTENCE =
            "FilteringWebHandler.handle(ServerWebExchange) returns Mono<Void>";
    private static final int EPOCHS = 60;

    private final DjlEngine engine;
    private final SentenceEmbedder embedder;

    public EngineSelfCheck(DjlEngine engine, SentenceEmbedder embedder) {
        this.engine = engine;
        this.embedder = embedder;
    }

    /** Trains both models and embeds the probe sentence; each entry reports what happened. */
    public Map<String, Object> run(long seed) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("autoencoder", engine.call(() -> trainAutoencoder(seed)));
        report.put("lstm", engine.call(() -> trainLstm(seed)));
        long start = System.nanoTime();
        float[] vector = embedder.embed(List.of(PROBE_SENTENCE))[0];
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        report.put(
                "embedding",
                Map.of(
                        "text",
                        PROBE_SENTENCE,
                        "dimension",
                        vector.length,
                        "norm",
                        Math.sqrt(norm),
                        "millis",
                        millisSince(start)));
        report.put("engine", engine.status());
        return report;
    }

    /** 8 features driven by 3 latent factors, compressed through a 3-unit bottleneck. */
    private Map<String, Object> trainAutoencoder(long seed) {
        Random random = new Random(seed);
        int rows = 256;
        float[][] mixing = new float[3][8];
        for (float[] row : mixing) {
            for (int j = 0; j < 8; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        float[] data = new float[rows * 8];
        for (int i = 0; i < rows; i++) {
            double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            for (int j = 0; j < 8; j++) {
                data[i * 8 + j] =
                        (float)
                                (z[0] * mixing[0][j]
                                        + z[1] * mixing[1][j]
                                        + z[2] * mixing[2][j]
                                        + 0.05 * random.nextGaussian());
            }
        }
        Block block =
                new SequentialBlock()
                        .add(Linear.builder().setUnits(16).build())
                        .add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(3).build())
                        .add(Linear.builder().setUnits(16).build())
                        .add(Activation.reluBlock())
                        .add(Linear.builder().setUnits(8).build());
        return train("autoencoder", block, data, new Shape(rows, 8), data, new Shape(rows, 8));
    }

    /** Next value of noisy sine waves from windows of 16 steps. */
    private Map<String, Object> trainLstm(long seed) {
        Random random = new Random(seed);
        int windows = 128;
        int steps = 16;
        float[] inputs = new float[windows * steps];
        float[] targets = new float[windows];
        for (int w = 0; w < windows; w++) {
            double phase = random.nextDouble() * 2 * Math.PI;
            for (int t = 0; t <= steps; t++) {
                float value = (float) (Math.sin(phase + 0.4 * t) + 0.02 * random.nextGaussian());
                if (t < steps) {
                    inputs[w * steps + t] = value;
                } else {
                    targets[w] = value;
                }
            }
        }
        Block block =
                new SequentialBlock()
                        .add(
                                LSTM.builder()
                                        .setStateSize(16)
                                        .setNumLayers(1)
                                        .optBatchFirst(true)
                                        .build())
                        .add(new LambdaBlock(list -> new NDList(list.head().get(":, -1, :"))))
                        .add(Linear.builder().setUnits(1).build());
        return train(
                "lstm",
                block,
                inputs,
                new Shape(windows, steps, 1),
                targets,
                new Shape(windows, 1));
    }

    private Map<String, Object> train(
            String name, Block block, float[] x, Shape xShape, float[] y, Shape yShape) {
        long start = System.nanoTime();
        try (Model model = Model.newInstance(name, DjlEngine.PYTORCH)) {
            model.setBlock(block);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.l2Loss())
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(0.01f))
                                            .build());
            try (Trainer trainer = model.newTrainer(config);
                    NDManager manager = model.getNDManager().newSubManager()) {
                trainer.initialize(xShape);
                NDArray input = manager.create(x, xShape);
                NDArray target = manager.create(y, yShape);
                float first = Float.NaN;
                float last = Float.NaN;
                for (int epoch = 0; epoch < EPOCHS; epoch++) {
                    try (NDManager step = manager.newSubManager();
                            GradientCollector collector = trainer.newGradientCollector()) {
                        input.tempAttach(step);
                        NDArray prediction = trainer.forward(new NDList(input)).singletonOrThrow();
                        NDArray loss =
                                trainer.getLoss()
                                        .evaluate(new NDList(target), new NDList(prediction));
                        collector.backward(loss);
                        last = loss.getFloat();
                        if (epoch == 0) {
                            first = last;
                        }
                    }
                    trainer.step();
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("engine", model.getNDManager().getEngine().getEngineName());
                result.put("engine_version", model.getNDManager().getEngine().getVersion());
                result.put("epochs", EPOCHS);
                result.put("first_loss", first);
                result.put("last_loss", last);
                result.put(
                        "parameters",
                        block.getParameters().values().stream()
                                .mapToLong(p -> p.getArray().size())
                                .sum());
                result.put("millis", millisSince(start));
                return result;
            }
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
