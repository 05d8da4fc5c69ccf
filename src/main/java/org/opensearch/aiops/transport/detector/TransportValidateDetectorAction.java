/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.aiops.detector.DetectorValidation;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Checks a configuration against its data without creating it. */
public final class TransportValidateDetectorAction
        extends HandledTransportAction<
                PutDetectorRequest, DetectorObjectResponse<DetectorValidation>> {

    private final DetectorService detectors;

    @Inject
    public TransportValidateDetectorAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorService detectors) {
        super(
                DetectorActions.VALIDATE.name(),
                transportService,
                actionFilters,
                PutDetectorRequest::new);
        this.detectors = detectors;
    }

    @Override
    protected void doExecute(
            Task task,
            PutDetectorRequest request,
            ActionListener<DetectorObjectResponse<DetectorValidation>> listener) {
        try {
            detectors.validate(
                    request.detector(), ActionListener.map(listener, DetectorObjectResponse::new));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
