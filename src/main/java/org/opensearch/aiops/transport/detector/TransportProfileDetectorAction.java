/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.detector.DetectorProfile;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** A detector's profile: state, training progress, model, last run, job, model memory. */
public final class TransportProfileDetectorAction
        extends HandledTransportAction<DetectorIdRequest, DetectorObjectResponse<DetectorProfile>> {

    private final DetectorService detectors;

    @Inject
    public TransportProfileDetectorAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorService detectors) {
        super(
                DetectorActions.PROFILE.name(),
                transportService,
                actionFilters,
                DetectorIdRequest::new);
        this.detectors = detectors;
    }

    @Override
    protected void doExecute(
            Task task,
            DetectorIdRequest request,
            ActionListener<DetectorObjectResponse<DetectorProfile>> listener) {
        try {
            detectors.profile(
                    request.id(), ActionListener.map(listener, DetectorObjectResponse::new));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
