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

/** Scores a range of history on the scoring pool. */
public final class TransportRunDetectorAction
        extends HandledTransportAction<RunDetectorRequest, RunDetectorResponse> {

    private final DetectorService detectors;

    @Inject
    public TransportRunDetectorAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorService detectors) {
        super(DetectorActions.RUN.name(), transportService, actionFilters, RunDetectorRequest::new);
        this.detectors = detectors;
    }

    @Override
    protected void doExecute(
            Task task, RunDetectorRequest request, ActionListener<RunDetectorResponse> listener) {
        try {
            detectors.run(
                    request.id(),
                    request.range(),
                    ActionListener.map(
                            listener, summary -> new RunDetectorResponse(request.id(), summary)));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
