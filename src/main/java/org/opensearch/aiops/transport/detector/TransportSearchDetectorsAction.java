/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Searches the detector configurations. */
public final class TransportSearchDetectorsAction
        extends HandledTransportAction<SearchDetectorsRequest, SearchResponse> {

    private final DetectorService detectors;

    @Inject
    public TransportSearchDetectorsAction(
            TransportService transportService,
            ActionFilters actionFilters,
            DetectorService detectors) {
        super(
                DetectorActions.SEARCH.name(),
                transportService,
                actionFilters,
                SearchDetectorsRequest::new);
        this.detectors = detectors;
    }

    @Override
    protected void doExecute(
            Task task, SearchDetectorsRequest request, ActionListener<SearchResponse> listener) {
        try {
            detectors.search(request.source(), listener);
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
    }
}
