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

/**
 * Starts training on the training pool (409 when it already trains, 429 when memory or the queue is
 * short).
 */
public final class TransportTrainDetectorAction
        extends HandledTransportAction<DetectorIdRequest, DetectorStateResponse> {

    private final DetectorService detectors;

    @Inject
    public TransportTrainDetectorAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorService detectors) {
        super(
                DetectorActions.TRAIN.name(),
                transportService,
                actionFilters,
                DetectorIdRequest::new);
        this.detectors = detectors;
    }

    @Override
    protected void doExecute(
            Task task, DetectorIdRequest request, ActionListener<DetectorStateResponse> listener) {
        try {
            detectors.train(
                    request.id(),
                    ActionListener.map(
                            listener, state -> new DetectorStateResponse(request.id(), state)));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
