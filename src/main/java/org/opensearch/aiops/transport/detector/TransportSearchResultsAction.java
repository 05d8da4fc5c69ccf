package org.opensearch.aiops.transport.detector;

import java.util.Map;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.common.inject.Inject;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/** Searches result documents of one or more detectors. */
public final class TransportSearchResultsAction extends TransportDetectorAction {

    @Inject
    public TransportSearchResultsAction(TransportService transportService, ActionFilters actionFilters, ThreadPool threadPool, DetectorService detectors) {
        super(DetectorAction.RESULTS_SEARCH, transportService, actionFilters, threadPool, detectors);
    }

    @Override
    protected Map<String, Object> handle(DetectorRequest request) {
        return detectors.searchResults(request.body());
    }
}
