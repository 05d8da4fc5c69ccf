package org.opensearch.aiops.transport.detector;

import java.util.Map;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.common.inject.Inject;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/** A detector configuration and its state. */
public final class TransportGetDetectorAction extends TransportDetectorAction {

    @Inject
    public TransportGetDetectorAction(TransportService transportService, ActionFilters actionFilters, ThreadPool threadPool, DetectorService detectors) {
        super(DetectorAction.GET, transportService, actionFilters, threadPool, detectors);
    }

    @Override
    protected Map<String, Object> handle(DetectorRequest request) {
        return detectors.get(request.id());
    }
}
