/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import java.util.List;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.template.store.TemplateStore;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

public final class TransportListTemplatesAction
        extends HandledTransportAction<ListTemplatesRequest, ListTemplatesResponse> {

    private final TemplateStore store;

    @Inject
    public TransportListTemplatesAction(
            TransportService transportService, ActionFilters actionFilters, TemplateStore store) {
        super(ListTemplatesAction.NAME, transportService, actionFilters, ListTemplatesRequest::new);
        this.store = store;
    }

    @Override
    protected void doExecute(
            Task task,
            ListTemplatesRequest request,
            ActionListener<ListTemplatesResponse> listener) {
        if (request.id() != null) {
            store.get(
                    request.id(),
                    ActionListener.wrap(
                            template -> {
                                if (template == null) {
                                    listener.onFailure(
                                            new OpenSearchStatusException(
                                                    "template [" + request.id() + "] not found",
                                                    RestStatus.NOT_FOUND));
                                } else {
                                    listener.onResponse(
                                            new ListTemplatesResponse(List.of(template), true));
                                }
                            },
                            listener::onFailure));
        } else {
            store.list(
                    request.namespace(),
                    request.sort(),
                    request.from(),
                    request.size(),
                    ActionListener.map(
                            listener, templates -> new ListTemplatesResponse(templates, false)));
        }
    }
}
