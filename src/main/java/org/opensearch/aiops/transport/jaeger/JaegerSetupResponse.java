/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.jaeger;

import java.io.IOException;

import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

public final class JaegerSetupResponse extends ActionResponse implements ToXContentObject {

    public JaegerSetupResponse() {}

    public JaegerSetupResponse(StreamInput in) throws IOException {
        super(in);
    }

    @Override
    public void writeTo(StreamOutput out) {}

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("acknowledged", true)
                .field("pipeline", JaegerSetupAction.PIPELINE)
                .field("index_template", JaegerSetupAction.TEMPLATE)
                .field("indices", JaegerSetupAction.SPAN_INDICES)
                .endObject();
    }
}
