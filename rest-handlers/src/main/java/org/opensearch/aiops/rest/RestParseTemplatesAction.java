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

import org.opensearch.aiops.transport.template.ParseTemplatesAction;
import org.opensearch.aiops.transport.template.ParseTemplatesRequest;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/**
 * {@code POST _plugins/_aiops/templates/_parse {"namespace", "lines", "config"}}: a dry run,
 * nothing stored.
 */
public final class RestParseTemplatesAction extends BaseRestHandler {

    @Override
    public String getName() {
        return "aiops_parse_templates_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(RestRequest.Method.POST, RestGetTemplatesAction.TEMPLATES + "/_parse"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client)
            throws IOException {
        Map<String, Object> body =
                RequestBody.object(
                        request,
                        Set.of(
                                ParseTemplatesRequest.NAMESPACE,
                                ParseTemplatesRequest.LINES,
                                ParseTemplatesRequest.CONFIG));
        ParseTemplatesRequest parse =
                new ParseTemplatesRequest(
                        RequestBody.optionalString(
                                body, ParseTemplatesRequest.NAMESPACE, "default"),
                        RequestBody.stringList(body, ParseTemplatesRequest.LINES),
                        RequestBody.optionalObject(body, ParseTemplatesRequest.CONFIG));
        return channel ->
                client.execute(
                        ParseTemplatesAction.INSTANCE,
                        parse,
                        new RestToXContentListener<>(channel));
    }
}
