/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.pca;

import java.io.IOException;

import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

public final class FitPcaResponse extends ActionResponse implements ToXContentObject {

    private final String name;
    private final int dimensions;
    private final int components;
    private final double explainedVariance;
    private final int samples;

    public FitPcaResponse(
            String name, int dimensions, int components, double explainedVariance, int samples) {
        this.name = name;
        this.dimensions = dimensions;
        this.components = components;
        this.explainedVariance = explainedVariance;
        this.samples = samples;
    }

    public FitPcaResponse(StreamInput in) throws IOException {
        super(in);
        this.name = in.readString();
        this.dimensions = in.readVInt();
        this.components = in.readVInt();
        this.explainedVariance = in.readDouble();
        this.samples = in.readVInt();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(name);
        out.writeVInt(dimensions);
        out.writeVInt(components);
        out.writeDouble(explainedVariance);
        out.writeVInt(samples);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("name", name)
                .field("dimensions", dimensions)
                .field("components", components)
                .field("explained_variance", explainedVariance)
                .field("samples", samples)
                .endObject();
    }
}
