/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.PlainActionFuture;
import org.opensearch.action.support.nodes.TransportNodesAction;
import org.opensearch.aiops.template.store.TemplateService;
import org.opensearch.aiops.template.store.TemplateSync;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

public final class TransportTemplateNodesAction
        extends TransportNodesAction<
                TemplateNodesRequest,
                TemplateNodesResponse,
                TemplateNodesRequest.NodeRequest,
                TemplateNodesResponse.NodeResponse> {

    private final TemplateService service;
    private final TemplateSync sync;

    @Inject
    public TransportTemplateNodesAction(
            ThreadPool threadPool,
            ClusterService clusterService,
            TransportService transportService,
            ActionFilters actionFilters,
            TemplateService service,
            TemplateSync sync) {
        super(
                TemplateNodesAction.NAME,
                threadPool,
                clusterService,
                transportService,
                actionFilters,
                TemplateNodesRequest::new,
                TemplateNodesRequest.NodeRequest::new,
                ThreadPool.Names.GENERIC,
                TemplateNodesResponse.NodeResponse.class);
        this.service = service;
        this.sync = sync;
    }

    @Override
    protected TemplateNodesResponse newResponse(
            TemplateNodesRequest request,
            List<TemplateNodesResponse.NodeResponse> responses,
            List<FailedNodeException> failures) {
        return new TemplateNodesResponse(clusterService.getClusterName(), responses, failures);
    }

    @Override
    protected TemplateNodesRequest.NodeRequest newNodeRequest(TemplateNodesRequest request) {
        return new TemplateNodesRequest.NodeRequest(request);
    }

    @Override
    protected TemplateNodesResponse.NodeResponse newNodeResponse(StreamInput in)
            throws IOException {
        return new TemplateNodesResponse.NodeResponse(in);
    }

    @Override
    protected TemplateNodesResponse.NodeResponse nodeOperation(
            TemplateNodesRequest.NodeRequest request) {
        switch (request.operation) {
            case FORGET -> service.forget(request.namespace);
            case SYNC -> {
                PlainActionFuture<Void> round = PlainActionFuture.newFuture();
                sync.syncNow(round);
                round.actionGet(TimeValue.timeValueSeconds(30));
            }
            case STATS -> {}
        }
        Map<String, Object> stats = new LinkedHashMap<>(service.stats());
        stats.put("sync", sync.stats());
        return new TemplateNodesResponse.NodeResponse(clusterService.localNode(), stats);
    }
}
