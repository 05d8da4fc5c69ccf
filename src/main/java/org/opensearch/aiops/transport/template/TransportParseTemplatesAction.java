/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.store.TemplateService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

public final class TransportParseTemplatesAction
        extends HandledTransportAction<ParseTemplatesRequest, ParseTemplatesResponse> {

    private final TemplateService service;

    @Inject
    public TransportParseTemplatesAction(
            TransportService transportService,
            ActionFilters actionFilters,
            TemplateService service) {
        super(
                ParseTemplatesAction.NAME,
                transportService,
                actionFilters,
                ParseTemplatesRequest::new);
        this.service = service;
    }

    @Override
    protected void doExecute(
            Task task,
            ParseTemplatesRequest request,
            ActionListener<ParseTemplatesResponse> listener) {
        ActionListener.completeWith(
                listener,
                () -> {
                    DrainConfig config = DrainConfig.fromMap(request.config());
                    return new ParseTemplatesResponse(
                            request.namespace(),
                            service.dryRun(request.namespace(), config, request.lines()));
                });
    }
}
