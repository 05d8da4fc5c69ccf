/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.embed;

import org.opensearch.action.ActionRunnable;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.engine.SentenceEmbedder;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

public final class TransportEmbedAction
        extends HandledTransportAction<EmbedRequest, EmbedResponse> {

    private final ThreadPool threadPool;
    private final SentenceEmbedder embedder;

    @Inject
    public TransportEmbedAction(
            TransportService transportService,
            ActionFilters actionFilters,
            ThreadPool threadPool,
            SentenceEmbedder embedder) {
        super(EmbedAction.NAME, transportService, actionFilters, EmbedRequest::new);
        this.threadPool = threadPool;
        this.embedder = embedder;
    }

    @Override
    protected void doExecute(
            Task task, EmbedRequest request, ActionListener<EmbedResponse> listener) {
        threadPool
                .executor(AiopsPlugin.ENGINE_THREAD_POOL)
                .execute(
                        ActionRunnable.supply(
                                listener,
                                () ->
                                        new EmbedResponse(
                                                SentenceEmbedder.MODEL_NAME,
                                                embedder.embed(request.texts()))));
    }
}
