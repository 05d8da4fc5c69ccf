/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.template.store.TemplateStore;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;
import org.opensearch.transport.client.Client;

public final class TransportDeleteTemplatesAction
        extends HandledTransportAction<DeleteTemplatesRequest, DeleteTemplatesResponse> {

    private final Client client;
    private final TemplateStore store;

    @Inject
    public TransportDeleteTemplatesAction(
            TransportService transportService,
            ActionFilters actionFilters,
            Client client,
            TemplateStore store) {
        super(
                DeleteTemplatesAction.NAME,
                transportService,
                actionFilters,
                DeleteTemplatesRequest::new);
        this.client = client;
        this.store = store;
    }

    /**
     * Memory first: a node still holding the namespace would write its templates back at its next
     * flush.
     */
    @Override
    protected void doExecute(
            Task task,
            DeleteTemplatesRequest request,
            ActionListener<DeleteTemplatesResponse> listener) {
        TemplateNodesRequest forget =
                new TemplateNodesRequest(TemplateNodesAction.Operation.FORGET, request.namespace());
        client.execute(
                TemplateNodesAction.INSTANCE,
                forget,
                ActionListener.wrap(
                        nodes -> {
                            if (nodes.hasFailures()) {
                                listener.onFailure(nodes.failures().get(0));
                                return;
                            }
                            store.deleteNamespace(
                                    request.namespace(),
                                    ActionListener.map(
                                            listener,
                                            deleted ->
                                                    new DeleteTemplatesResponse(
                                                            request.namespace(),
                                                            deleted,
                                                            nodes.getNodes().size())));
                        },
                        listener::onFailure));
    }
}
