/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opensearch.aiops.context.CodeContextStore;
import org.opensearch.aiops.transport.pca.FitPcaAction;
import org.opensearch.aiops.transport.pca.FitPcaRequest;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code POST _plugins/_aiops/code_context/_fit_pca {"name", "index", "field", "variance",
 * "max_samples"}}: by default over the vectors of the code contexts index (one per unique context).
 */
public final class RestFitPcaAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "aiops_fit_pca_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(RestRequest.Method.POST, AiopsRestPaths.BASE + "/code_context/_fit_pca"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client)
            throws IOException {
        Map<String, Object> body =
                RequestBody.object(
                        request,
                        Set.of(
                                FitPcaRequest.NAME,
                                FitPcaRequest.INDEX,
                                FitPcaRequest.FIELD,
                                FitPcaRequest.VARIANCE,
                                FitPcaRequest.MAX_SAMPLES));
        FitPcaRequest fit =
                new FitPcaRequest(
                        RequestBody.optionalString(body, FitPcaRequest.NAME, null),
                        RequestBody.optionalString(
                                body, FitPcaRequest.INDEX, CodeContextStore.INDEX),
                        RequestBody.optionalString(body, FitPcaRequest.FIELD, "vector"),
                        RequestBody.optionalNumber(body, FitPcaRequest.VARIANCE, 0.95)
                                .doubleValue(),
                        RequestBody.optionalNumber(body, FitPcaRequest.MAX_SAMPLES, 10_000)
                                .intValue());
        return channel ->
                client.execute(FitPcaAction.INSTANCE, fit, new RestToXContentListener<>(channel));
    }
}
