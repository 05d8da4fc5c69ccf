/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.util.List;

import org.opensearch.aiops.transport.jaeger.JaegerSetupAction;
import org.opensearch.aiops.transport.jaeger.JaegerSetupRequest;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code PUT _plugins/_aiops/jaeger/_setup}: the code_context pipeline becomes the default of
 * jaeger-span-* indices.
 */
public final class RestJaegerSetupAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "aiops_jaeger_setup_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.PUT, AiopsRestPaths.BASE + "/jaeger/_setup"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        return channel ->
                client.execute(
                        JaegerSetupAction.INSTANCE,
                        new JaegerSetupRequest(),
                        new RestToXContentListener<>(channel));
    }
}
