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

/** Creates a detector (201). */
public final class TransportCreateDetectorAction
        extends HandledTransportAction<PutDetectorRequest, DetectorResponse> {

    private final DetectorService detectors;

    @Inject
    public TransportCreateDetectorAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorService detectors) {
        super(
                DetectorActions.CREATE.name(),
                transportService,
                actionFilters,
                PutDetectorRequest::new);
        this.detectors = detectors;
    }

    @Override
    protected void doExecute(
            Task task, PutDetectorRequest request, ActionListener<DetectorResponse> listener) {
        try {
            detectors.create(
                    request.detector(),
                    ActionListener.map(
                            listener,
                            view ->
                                    new DetectorResponse(
                                            view.id(), view.detector(), view.state(), true)));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
