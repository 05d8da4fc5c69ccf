/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.util.List;

import org.opensearch.aiops.transport.engine.EngineCheckAction;
import org.opensearch.aiops.transport.engine.EngineCheckRequest;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code POST _plugins/_aiops/engine/_check?seed=}: trains tiny models and embeds a sentence on
 * this node.
 */
public final class RestEngineCheckAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "aiops_engine_check_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.POST, AiopsRestPaths.BASE + "/engine/_check"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        long seed = request.paramAsLong("seed", 42L);
        return channel ->
                client.execute(
                        EngineCheckAction.INSTANCE,
                        new EngineCheckRequest(seed),
                        new RestToXContentListener<>(channel));
    }
}
