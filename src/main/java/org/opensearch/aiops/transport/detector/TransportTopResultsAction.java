/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.detector.DetectorResults;
import org.opensearch.aiops.detector.TopResults;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** A detector's top entities in a range. */
public final class TransportTopResultsAction
        extends HandledTransportAction<DetectorRangeRequest, DetectorObjectResponse<TopResults>> {

    private final DetectorResults results;

    @Inject
    public TransportTopResultsAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorResults results) {
        super(
                DetectorActions.RESULTS_TOP.name(),
                transportService,
                actionFilters,
                DetectorRangeRequest::new);
        this.results = results;
    }

    @Override
    protected void doExecute(
            Task task,
            DetectorRangeRequest request,
            ActionListener<DetectorObjectResponse<TopResults>> listener) {
        try {
            results.top(
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
