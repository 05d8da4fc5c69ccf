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

/** Stops real-time scoring or a training. */
public final class TransportStopDetectorAction
        extends HandledTransportAction<DetectorIdRequest, DetectorStateResponse> {

    private final DetectorService detectors;

    @Inject
    public TransportStopDetectorAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorService detectors) {
        super(DetectorActions.STOP.name(), transportService, actionFilters, DetectorIdRequest::new);
        this.detectors = detectors;
    }

    @Override
    protected void doExecute(
            Task task, DetectorIdRequest request, ActionListener<DetectorStateResponse> listener) {
        try {
            detectors.stop(
                    request.id(),
                    ActionListener.map(
                            listener, state -> new DetectorStateResponse(request.id(), state)));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
