/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.opensearch.aiops.settings.AiopsSettings;
import org.opensearch.aiops.transport.embed.EmbedAction;
import org.opensearch.aiops.transport.embed.EmbedRequest;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.Settings;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.action.RestToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/** {@code POST _plugins/_aiops/code_context/_embed {"texts": [...]}}: embeddings in input order. */
public final class RestEmbedAction extends BaseRestHandler {

    private volatile int maxTexts;

    public RestEmbedAction(Settings settings, ClusterSettings clusterSettings) {
        this.maxTexts = AiopsSettings.EMBED_MAX_TEXTS.get(settings);
        clusterSettings.addSettingsUpdateConsumer(
                AiopsSettings.EMBED_MAX_TEXTS, value -> maxTexts = value);
    }

    @Override
    public String getName() {
        return "aiops_embed_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(RestRequest.Method.POST, AiopsRestPaths.BASE + "/code_context/_embed"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client)
            throws IOException {
        var body = RequestBody.object(request, Set.of(EmbedRequest.TEXTS));
        EmbedRequest embedRequest =
                new EmbedRequest(RequestBody.stringList(body, EmbedRequest.TEXTS), maxTexts);
        return channel ->
                client.execute(
                        EmbedAction.INSTANCE, embedRequest, new RestToXContentListener<>(channel));
    }
}
