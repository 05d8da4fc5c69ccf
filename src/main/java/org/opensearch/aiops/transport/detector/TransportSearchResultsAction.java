/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.detector.DetectorResults;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Searches the results of every detector, or of some. */
public final class TransportSearchResultsAction
        extends HandledTransportAction<SearchDetectorsRequest, SearchResponse> {

    private final DetectorResults results;

    @Inject
    public TransportSearchResultsAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorResults results) {
        super(
                DetectorActions.RESULTS_SEARCH.name(),
                transportService,
                actionFilters,
                SearchDetectorsRequest::new);
        this.results = results;
    }

    @Override
    protected void doExecute(
            Task task, SearchDetectorsRequest request, ActionListener<SearchResponse> listener) {
        try {
            results.search(request.detectorIds(), request.source(), listener);
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
