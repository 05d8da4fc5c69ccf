/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Replaces a detector's configuration (409 while it trains or runs, except class labels). */
public final class TransportUpdateDetectorAction
        extends HandledTransportAction<PutDetectorRequest, DetectorResponse> {

    private final DetectorService detectors;

    @Inject
    public TransportUpdateDetectorAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorService detectors) {
        super(
                DetectorActions.UPDATE.name(),
                transportService,
                actionFilters,
                PutDetectorRequest::new);
        this.detectors = detectors;
    }

    @Override
    protected void doExecute(
            Task task, PutDetectorRequest request, ActionListener<DetectorResponse> listener) {
        try {
            detectors.update(
                    request.id(),
                    request.detector(),
                    ActionListener.map(
                            listener,
                            view ->
                                    new DetectorResponse(
                                            view.id(), view.detector(), view.state(), false)));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
