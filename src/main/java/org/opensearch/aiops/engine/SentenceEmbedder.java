/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.engine;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;

/**
 * all-MiniLM-L6-v2 (quantised ONNX, bundled in the plugin zip) on ML Commons' ONNX Runtime engine
 * and HuggingFace tokenizer: token embeddings mean-pooled over the attention mask and
 * L2-normalised, as sentence-transformers does. Loaded on first use; thread-safe.
 */
public final class SentenceEmbedder implements Closeable {

    public static final int DIMENSION = 384;
    public static final String MODEL_NAME = "all-minilm-l6-v2-q";

    /** sentence-transformers' max_seq_length for this model. */
    private static final int MAX_TOKENS = 256;

    private final DjlEngine engine;
    private final Path modelDir;
    private ZooModel<NDList, NDList> model;
    private HuggingFaceTokenizer tokenizer;

    public SentenceEmbedder(DjlEngine engine, Path modelDir) {
        this.engine = engine;
        this.modelDir = modelDir;
    }

    /**
     * One L2-normalised {@link #DIMENSION}-float vector per text, in input order. Each text runs
     * alone through the model: the quantised model computes activation ranges over the whole input
     * tensor, so batching (and padding) would make a text's vector depend on its neighbours (cosine
     * 0.993 measured); alone it equals ML Commons' result.
     */
    public float[][] embed(List<String> texts) throws Exception {
        return engine.call(
                () -> {
                    ensureLoaded();
                    float[][] result = new float[texts.size()][];
                    for (int i = 0; i < result.length; i++) {
                        result[i] = forward(tokenizer.encode(texts.get(i)));
                    }
                    return result;
                });
    }

    private float[] forward(Encoding encoding) {
        long[][] mask = {encoding.getAttentionMask()};
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList input =
                    new NDList(
                            named(manager.create(new long[][] {encoding.getIds()}), "input_ids"),
                            named(manager.create(mask), "attention_mask"),
                            named(
                                    manager.create(new long[][] {encoding.getTypeIds()}),
                                    "token_type_ids"));
            NDList output =
                    model.getBlock().forward(new ParameterStore(manager, false), input, false);
            return meanPoolNormalised(output.get(0).toFloatArray(), mask, 1, mask[0].length)[0];
        }
    }

    private synchronized void ensureLoaded() throws Exception {
        if (model != null) {
            return;
        }
        Path onnx = modelDir.resolve(MODEL_NAME + ".onnx");
        Path tokenizerJson = modelDir.resolve(MODEL_NAME + "-tokenizer.json");
        if (Files.isRegularFile(onnx) == false || Files.isRegularFile(tokenizerJson) == false) {
            throw new IllegalStateException(
                    "bundled sentence model missing under ["
                            + modelDir
                            + "]: reinstall the aiops plugin");
        }
        tokenizer =
                HuggingFaceTokenizer.newInstance(
                        tokenizerJson,
                        Map.of(
                                "padding",
                                "false",
                                "truncation",
                                "true",
                                "maxLength",
                                Integer.toString(MAX_TOKENS)));
        model =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(onnx)
                        .optEngine(DjlEngine.ONNX_RUNTIME)
                        .optTranslator(new NoopTranslator())
                        .optOption("interOpNumThreads", Integer.toString(engine.interOpThreads()))
                        .optOption("intraOpNumThreads", Integer.toString(engine.intraOpThreads()))
                        .build()
                        .loadModel();
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    /** hidden is [batch, length, DIMENSION] row-major; padding positions (mask 0) do not count. */
    static float[][] meanPoolNormalised(float[] hidden, long[][] mask, int batch, int length) {
        float[][] result = new float[batch][DIMENSION];
        for (int b = 0; b < batch; b++) {
            float[] sum = result[b];
            int tokens = 0;
            for (int t = 0; t < length; t++) {
                if (mask[b][t] == 0) {
                    continue;
                }
                tokens++;
                int offset = (b * length + t) * DIMENSION;
                for (int d = 0; d < DIMENSION; d++) {
                    sum[d] += hidden[offset + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] /= Math.max(tokens, 1);
                norm += sum[d] * sum[d];
            }
            float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] *= scale;
            }
        }
        return result;
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            tokenizer.close();
            model = null;
        }
    }
}
