/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.util.List;

import org.opensearch.aiops.transport.template.TemplateNodesAction;
import org.opensearch.aiops.transport.template.TemplateNodesRequest;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code GET _plugins/_aiops/templates/_stats}: every node's template memory and sync counters.
 * {@code POST _plugins/_aiops/templates/_sync}: every node flushes and reads back templates now.
 */
public final class RestTemplateNodesAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "aiops_template_nodes_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(RestRequest.Method.GET, RestGetTemplatesAction.TEMPLATES + "/_stats"),
                new Route(RestRequest.Method.POST, RestGetTemplatesAction.TEMPLATES + "/_sync"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        TemplateNodesAction.Operation operation =
                request.method() == RestRequest.Method.GET
                        ? TemplateNodesAction.Operation.STATS
                        : TemplateNodesAction.Operation.SYNC;
        TemplateNodesRequest nodes = new TemplateNodesRequest(operation, null);
        return channel ->
                client.execute(
                        TemplateNodesAction.INSTANCE, nodes, new RestToXContentListener<>(channel));
    }
}
