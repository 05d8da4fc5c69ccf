/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.util.List;

import org.opensearch.core.action.ActionListener;
import org.opensearch.ml.common.FunctionName;
import org.opensearch.ml.common.dataset.TextDocsInputDataSet;
import org.opensearch.ml.common.input.MLInput;
import org.opensearch.ml.common.output.model.ModelTensor;
import org.opensearch.ml.common.output.model.ModelTensorOutput;
import org.opensearch.ml.common.output.model.ModelTensors;
import org.opensearch.ml.common.transport.prediction.MLPredictionTaskAction;
import org.opensearch.ml.common.transport.prediction.MLPredictionTaskRequest;
import org.opensearch.transport.client.Client;

/**
 * Embeddings from a text-embedding model the user deployed in ML Commons ({@code model_id}),
 * through ML Commons' own predict action, as the caller (so the user's model permissions apply).
 */
public final class MlCommonsEmbedder {

    private static final String SENTENCE_EMBEDDING = "sentence_embedding";

    private final Client client;

    public MlCommonsEmbedder(Client client) {
        this.client = client;
    }

    public void embed(String modelId, List<String> texts, ActionListener<float[][]> listener) {
        MLInput input =
                MLInput.builder()
                        .algorithm(FunctionName.TEXT_EMBEDDING)
                        .inputDataset(TextDocsInputDataSet.builder().docs(texts).build())
                        .build();
        client.execute(
                MLPredictionTaskAction.INSTANCE,
                new MLPredictionTaskRequest(modelId, input),
                ActionListener.wrap(
                        response -> {
                            if (response.getOutput() instanceof ModelTensorOutput output
                                    && output.getMlModelOutputs().size() == texts.size()) {
                                float[][] vectors = new float[texts.size()][];
                                for (int i = 0; i < vectors.length; i++) {
                                    vectors[i] =
                                            vectorOf(output.getMlModelOutputs().get(i), modelId);
                                }
                                listener.onResponse(vectors);
                            } else {
                                listener.onFailure(
                                        new IllegalArgumentException(
                                                "model_id ["
                                                        + modelId
                                                        + "] did not return one text embedding per text"));
                            }
                        },
                        e ->
                                listener.onFailure(
                                        new IllegalArgumentException(
                                                "model_id ["
                                                        + modelId
                                                        + "] could not embed: "
                                                        + e.getMessage(),
                                                e))));
    }

    private static float[] vectorOf(ModelTensors tensors, String modelId) {
        List<ModelTensor> list = tensors.getMlModelTensors();
        ModelTensor chosen =
                list.stream()
                        .filter(t -> SENTENCE_EMBEDDING.equals(t.getName()))
                        .findFirst()
                        .orElse(list.isEmpty() ? null : list.get(0));
        if (chosen == null || chosen.getData() == null) {
            throw new IllegalArgumentException("model_id [" + modelId + "] returned no embedding");
        }
        Number[] data = chosen.getData();
        float[] vector = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            vector[i] = data[i].floatValue();
        }
        return vector;
    }
}
