/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.pca;

import org.opensearch.action.ActionRunnable;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.context.PcaProjection;
import org.opensearch.aiops.context.ProjectionStore;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

public final class TransportFitPcaAction
        extends HandledTransportAction<FitPcaRequest, FitPcaResponse> {

    private final ThreadPool threadPool;
    private final ProjectionStore projections;

    @Inject
    public TransportFitPcaAction(
            TransportService transportService,
            ActionFilters actionFilters,
            ThreadPool threadPool,
            ProjectionStore projections) {
        super(FitPcaAction.NAME, transportService, actionFilters, FitPcaRequest::new);
        this.threadPool = threadPool;
        this.projections = projections;
    }

    @Override
    protected void doExecute(
            Task task, FitPcaRequest request, ActionListener<FitPcaResponse> listener) {
        projections.sampleVectors(
                request.index(),
                request.field(),
                request.maxSamples(),
                ActionListener.wrap(
                        vectors -> {
                            if (vectors.size() < 2) {
                                listener.onFailure(
                                        new IllegalArgumentException(
                                                "[index] ["
                                                        + request.index()
                                                        + "] has "
                                                        + vectors.size()
                                                        + " vectors in [field] ["
                                                        + request.field()
                                                        + "]; at least 2 are needed"));
                                return;
                            }
                            // The eigen decomposition of a 384 x 384 covariance takes a while: off
                            // the transport threads.
                            threadPool
                                    .executor(AiopsPlugin.ENGINE_THREAD_POOL)
                                    .execute(
                                            ActionRunnable.wrap(
                                                    listener,
                                                    l -> {
                                                        PcaProjection projection =
                                                                PcaProjection.fit(
                                                                        request.name(),
                                                                        vectors,
                                                                        request.variance());
                                                        projections.save(
                                                                projection,
                                                                request.index(),
                                                                request.field(),
                                                                threadPool.absoluteTimeInMillis(),
                                                                ActionListener.map(
                                                                        l,
                                                                        saved ->
                                                                                new FitPcaResponse(
                                                                                        projection
                                                                                                .name(),
                                                                                        projection
                                                                                                .mean()
                                                                                                .length,
                                                                                        projection
                                                                                                .components()
                                                                                                .length,
                                                                                        projection
                                                                                                .explainedVariance(),
                                                                                        projection
                                                                                                .samples())));
                                                    }));
                        },
                        listener::onFailure));
    }
}
