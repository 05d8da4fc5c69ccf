/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import java.io.IOException;

import org.opensearch.action.support.nodes.BaseNodesRequest;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.transport.TransportRequest;

public final class TemplateNodesRequest extends BaseNodesRequest<TemplateNodesRequest> {

    private final TemplateNodesAction.Operation operation;
    private final String namespace;

    /** On all nodes; {@code namespace} only for {@link TemplateNodesAction.Operation#FORGET}. */
    public TemplateNodesRequest(TemplateNodesAction.Operation operation, String namespace) {
        super((String[]) null);
        this.operation = operation;
        this.namespace = namespace;
    }

    public TemplateNodesRequest(StreamInput in) throws IOException {
        super(in);
        this.operation = in.readEnum(TemplateNodesAction.Operation.class);
        this.namespace = in.readOptionalString();
    }

    TemplateNodesAction.Operation operation() {
        return operation;
    }

    String namespace() {
        return namespace;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeEnum(operation);
        out.writeOptionalString(namespace);
    }

    /** What each node receives. */
    public static final class NodeRequest extends TransportRequest {

        final TemplateNodesAction.Operation operation;
        final String namespace;

        NodeRequest(TemplateNodesRequest request) {
            this.operation = request.operation;
            this.namespace = request.namespace;
        }

        public NodeRequest(StreamInput in) throws IOException {
            super(in);
            this.operation = in.readEnum(TemplateNodesAction.Operation.class);
            this.namespace = in.readOptionalString();
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            super.writeTo(out);
            out.writeEnum(operation);
            out.writeOptionalString(namespace);
        }
    }
}
