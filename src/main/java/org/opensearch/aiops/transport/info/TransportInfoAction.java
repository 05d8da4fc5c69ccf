/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.info;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.context.CodeContextService;
import org.opensearch.aiops.detector.DetectorTypes;
import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

public final class TransportInfoAction extends HandledTransportAction<InfoRequest, InfoResponse> {

    private final DjlEngine engine;
    private final CodeContextService codeContexts;
    private final DetectorTypes detectorTypes;

    @Inject
    public TransportInfoAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DjlEngine engine,
            CodeContextService codeContexts,
            DetectorTypes detectorTypes) {
        super(InfoAction.NAME, transportService, actionFilters, InfoRequest::new);
        this.engine = engine;
        this.codeContexts = codeContexts;
        this.detectorTypes = detectorTypes;
    }

    @Override
    protected void doExecute(
            Task task, InfoRequest request, ActionListener<InfoResponse> listener) {
        ActionListener.completeWith(
                listener,
                () ->
                        new InfoResponse(
                                AiopsPlugin.NAME,
                                AiopsPlugin.version(),
                                AiopsPlugin.PROCESSORS,
                                detectorTypes.names(),
                                engine.status(),
                                codeContexts.stats()));
    }
}
