/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.jaeger;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.opensearch.action.admin.indices.settings.put.UpdateSettingsRequest;
import org.opensearch.action.admin.indices.template.put.PutIndexTemplateRequest;
import org.opensearch.action.ingest.PutPipelineRequest;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.common.inject.Inject;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.bytes.BytesArray;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;
import org.opensearch.transport.client.Client;

/**
 * Idempotent: puts the pipeline, a legacy index template of higher order than Jaeger's (legacy
 * templates merge, so Jaeger's mappings stay as they are and only {@code index.default_pipeline} is
 * added), and sets the default pipeline on the span indices that exist already.
 */
public final class TransportJaegerSetupAction
        extends HandledTransportAction<JaegerSetupRequest, JaegerSetupResponse> {

    static final String PIPELINE_BODY =
            "{\"description\":\"AIOps: code context and its embedding on Jaeger spans\","
                    + "\"processors\":[{\"code_context\":{}}]}";

    private final Client client;

    @Inject
    public TransportJaegerSetupAction(
            TransportService transportService, ActionFilters actionFilters, Client client) {
        super(JaegerSetupAction.NAME, transportService, actionFilters, JaegerSetupRequest::new);
        this.client = client;
    }

    @Override
    protected void doExecute(
            Task task, JaegerSetupRequest request, ActionListener<JaegerSetupResponse> listener) {
        Settings defaultPipeline =
                Settings.builder()
                        .put("index.default_pipeline", JaegerSetupAction.PIPELINE)
                        .build();
        PutPipelineRequest pipeline =
                new PutPipelineRequest(
                        JaegerSetupAction.PIPELINE,
                        new BytesArray(PIPELINE_BODY.getBytes(StandardCharsets.UTF_8)),
                        XContentType.JSON);
        PutIndexTemplateRequest template =
                new PutIndexTemplateRequest(JaegerSetupAction.TEMPLATE)
                        .patterns(List.of(JaegerSetupAction.SPAN_INDICES))
                        .order(100)
                        .settings(defaultPipeline);
        UpdateSettingsRequest existing =
                new UpdateSettingsRequest(JaegerSetupAction.SPAN_INDICES)
                        .settings(defaultPipeline)
                        .indicesOptions(IndicesOptions.lenientExpandOpen());
        client.admin()
                .cluster()
                .putPipeline(
                        pipeline,
                        ActionListener.wrap(
                                p ->
                                        client.admin()
                                                .indices()
                                                .putTemplate(
                                                        template,
                                                        ActionListener.wrap(
                                                                t ->
                                                                        client.admin()
                                                                                .indices()
                                                                                .updateSettings(
                                                                                        existing,
                                                                                        ActionListener
                                                                                                .wrap(
                                                                                                        u ->
                                                                                                                listener
                                                                                                                        .onResponse(
                                                                                                                                new JaegerSetupResponse()),
                                                                                                        listener
                                                                                                                ::onFailure)),
                                                                listener::onFailure)),
                                listener::onFailure));
    }
}
