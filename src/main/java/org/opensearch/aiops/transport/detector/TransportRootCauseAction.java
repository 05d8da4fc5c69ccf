/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.detector.DetectorResults;
import org.opensearch.aiops.detector.RootCauseRanking;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** A trace detector's pods and services ranked by their part in its anomalous call events. */
public final class TransportRootCauseAction
        extends HandledTransportAction<
                DetectorRangeRequest, DetectorObjectResponse<RootCauseRanking>> {

    private final DetectorResults results;

    @Inject
    public TransportRootCauseAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorResults results) {
        super(
                DetectorActions.RESULTS_ROOT_CAUSE.name(),
                transportService,
                actionFilters,
                DetectorRangeRequest::new);
        this.results = results;
    }

    @Override
    protected void doExecute(
            Task task,
            DetectorRangeRequest request,
            ActionListener<DetectorObjectResponse<RootCauseRanking>> listener) {
        try {
            results.rootCause(
                    request.id(),
                    request.from(),
                    request.to(),
                    request.size(),
                    ActionListener.map(listener, DetectorObjectResponse::new));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
