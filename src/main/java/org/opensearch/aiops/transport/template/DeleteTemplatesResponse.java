/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import java.io.IOException;

import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

public final class DeleteTemplatesResponse extends ActionResponse implements ToXContentObject {

    private final String namespace;
    private final long deleted;
    private final int nodes;

    public DeleteTemplatesResponse(String namespace, long deleted, int nodes) {
        this.namespace = namespace;
        this.deleted = deleted;
        this.nodes = nodes;
    }

    public DeleteTemplatesResponse(StreamInput in) throws IOException {
        super(in);
        this.namespace = in.readString();
        this.deleted = in.readVLong();
        this.nodes = in.readVInt();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(namespace);
        out.writeVLong(deleted);
        out.writeVInt(nodes);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("namespace", namespace)
                .field("deleted", deleted)
                .field("nodes_cleared", nodes)
                .endObject();
    }
}
