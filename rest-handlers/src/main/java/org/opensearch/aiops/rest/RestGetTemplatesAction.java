/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.util.List;

import org.opensearch.aiops.template.store.StoredTemplate;
import org.opensearch.aiops.transport.template.ListTemplatesAction;
import org.opensearch.aiops.transport.template.ListTemplatesRequest;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code GET _plugins/_aiops/templates?namespace=&size=&from=&sort=} and {@code GET
 * _plugins/_aiops/templates/{id}}.
 */
public final class RestGetTemplatesAction extends BaseRestHandler {

    static final String TEMPLATES = AiopsRestPaths.BASE + "/templates";

    @Override
    public String getName() {
        return "aiops_get_templates_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(RestRequest.Method.GET, TEMPLATES),
                new Route(RestRequest.Method.GET, TEMPLATES + "/{id}"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        String id = request.param("id");
        ListTemplatesRequest listRequest =
                id != null
                        ? ListTemplatesRequest.byId(id)
                        : new ListTemplatesRequest(
                                null,
                                request.param("namespace"),
                                request.param("sort", StoredTemplate.COUNT),
                                request.paramAsInt("from", 0),
                                request.paramAsInt("size", 20));
        return channel ->
                client.execute(
                        ListTemplatesAction.INSTANCE,
                        listRequest,
                        new RestToXContentListener<>(channel));
    }
}
