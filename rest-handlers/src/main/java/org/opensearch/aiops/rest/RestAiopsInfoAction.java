/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.util.List;

import org.opensearch.aiops.transport.info.InfoAction;
import org.opensearch.aiops.transport.info.InfoRequest;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/** {@code GET _plugins/_aiops}: name, version, processors, detector types and engine status. */
public final class RestAiopsInfoAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "aiops_info_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.GET, AiopsRestPaths.BASE));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        return channel ->
                client.execute(
                        InfoAction.INSTANCE,
                        new InfoRequest(),
                        new RestToXContentListener<>(channel));
    }
}
