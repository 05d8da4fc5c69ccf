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

/** Deletes a detector, its state, job and checkpoints, whatever its state. */
public final class TransportDeleteDetectorAction
        extends HandledTransportAction<DetectorIdRequest, DeleteDetectorResponse> {

    private final DetectorService detectors;

    @Inject
    public TransportDeleteDetectorAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorService detectors) {
        super(
                DetectorActions.DELETE.name(),
                transportService,
                actionFilters,
                DetectorIdRequest::new);
        this.detectors = detectors;
    }

    @Override
    protected void doExecute(
            Task task, DetectorIdRequest request, ActionListener<DeleteDetectorResponse> listener) {
        try {
            detectors.delete(
                    request.id(),
                    ActionListener.map(
                            listener,
                            deleted -> new DeleteDetectorResponse(request.id(), deleted)));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
