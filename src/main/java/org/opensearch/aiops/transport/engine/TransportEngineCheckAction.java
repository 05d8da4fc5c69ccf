/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.engine;

import org.opensearch.action.ActionRunnable;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.engine.EngineSelfCheck;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

public final class TransportEngineCheckAction
        extends HandledTransportAction<EngineCheckRequest, EngineCheckResponse> {

    private final ThreadPool threadPool;
    private final EngineSelfCheck selfCheck;

    @Inject
    public TransportEngineCheckAction(
            TransportService transportService,
            ActionFilters actionFilters,
            ThreadPool threadPool,
            EngineSelfCheck selfCheck) {
        super(EngineCheckAction.NAME, transportService, actionFilters, EngineCheckRequest::new);
        this.threadPool = threadPool;
        this.selfCheck = selfCheck;
    }

    @Override
    protected void doExecute(
            Task task, EngineCheckRequest request, ActionListener<EngineCheckResponse> listener) {
        threadPool
                .executor(AiopsPlugin.ENGINE_THREAD_POOL)
                .execute(
                        ActionRunnable.supply(
                                listener,
                                () -> new EngineCheckResponse(selfCheck.run(request.seed()))));
    }
}
