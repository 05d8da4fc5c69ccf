/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.nodes.BaseNodeResponse;
import org.opensearch.action.support.nodes.BaseNodesResponse;
import org.opensearch.cluster.ClusterName;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

public final class TemplateNodesResponse
        extends BaseNodesResponse<TemplateNodesResponse.NodeResponse> implements ToXContentObject {

    public TemplateNodesResponse(
            ClusterName clusterName, List<NodeResponse> nodes, List<FailedNodeException> failures) {
        super(clusterName, nodes, failures);
    }

    public TemplateNodesResponse(StreamInput in) throws IOException {
        super(in);
    }

    @Override
    protected List<NodeResponse> readNodesFrom(StreamInput in) throws IOException {
        return in.readList(NodeResponse::new);
    }

    @Override
    protected void writeNodesTo(StreamOutput out, List<NodeResponse> nodes) throws IOException {
        out.writeList(nodes);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject().startObject("nodes");
        for (NodeResponse node : getNodes()) {
            builder.field(node.getNode().getId(), node.stats);
        }
        builder.endObject().startArray("failures");
        for (FailedNodeException failure : failures()) {
            builder.value(failure.nodeId() + ": " + failure.getDetailedMessage());
        }
        return builder.endArray().endObject();
    }

    /** One node's template stats after the operation. */
    public static final class NodeResponse extends BaseNodeResponse {

        final Map<String, Object> stats;

        NodeResponse(DiscoveryNode node, Map<String, Object> stats) {
            super(node);
            this.stats = stats;
        }

        public NodeResponse(StreamInput in) throws IOException {
            super(in);
            this.stats = in.readMap();
        }

        public Map<String, Object> stats() {
            return stats;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            super.writeTo(out);
            out.writeMap(stats);
        }
    }
}
