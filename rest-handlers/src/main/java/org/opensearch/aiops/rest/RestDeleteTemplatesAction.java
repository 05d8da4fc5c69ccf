/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.util.List;

import org.opensearch.aiops.transport.template.DeleteTemplatesAction;
import org.opensearch.aiops.transport.template.DeleteTemplatesRequest;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code DELETE _plugins/_aiops/templates?namespace=}: forget a namespace on every node and in the
 * index.
 */
public final class RestDeleteTemplatesAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "aiops_delete_templates_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.DELETE, RestGetTemplatesAction.TEMPLATES));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        DeleteTemplatesRequest delete = new DeleteTemplatesRequest(request.param("namespace"));
        return channel ->
                client.execute(
                        DeleteTemplatesAction.INSTANCE,
                        delete,
                        new RestToXContentListener<>(channel));
    }
}
