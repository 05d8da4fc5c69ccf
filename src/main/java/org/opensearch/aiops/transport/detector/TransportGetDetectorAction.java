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

/** A detector's configuration and state. */
public final class TransportGetDetectorAction
        extends HandledTransportAction<DetectorIdRequest, DetectorResponse> {

    private final DetectorService detectors;

    @Inject
    public TransportGetDetectorAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorService detectors) {
        super(DetectorActions.GET.name(), transportService, actionFilters, DetectorIdRequest::new);
        this.detectors = detectors;
    }

    @Override
    protected void doExecute(
            Task task, DetectorIdRequest request, ActionListener<DetectorResponse> listener) {
        try {
            detectors.get(
                    request.id(),
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
