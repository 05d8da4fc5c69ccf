/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.embed;

import java.io.IOException;

import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

public final class EmbedResponse extends ActionResponse implements ToXContentObject {

    private final String model;
    private final float[][] embeddings;

    public EmbedResponse(String model, float[][] embeddings) {
        this.model = model;
        this.embeddings = embeddings;
    }

    public EmbedResponse(StreamInput in) throws IOException {
        super(in);
        this.model = in.readString();
        this.embeddings = new float[in.readVInt()][];
        for (int i = 0; i < embeddings.length; i++) {
            embeddings[i] = in.readFloatArray();
        }
    }

    public float[][] embeddings() {
        return embeddings;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(model);
        out.writeVInt(embeddings.length);
        for (float[] vector : embeddings) {
            out.writeFloatArray(vector);
        }
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject().field("model", model).startArray("embeddings");
        for (float[] vector : embeddings) {
            builder.value(vector);
        }
        return builder.endArray().endObject();
    }
}
