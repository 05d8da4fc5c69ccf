package org.opensearch.aiops.transport.detector;

import java.util.Map;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.common.inject.Inject;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/** State, training progress, model size, score distribution and last run. */
public final class TransportDetectorProfileAction extends TransportDetectorAction {

    @Inject
    public TransportDetectorProfileAction(TransportService transportService, ActionFilters actionFilters, ThreadPool threadPool, DetectorService detectors) {
        super(DetectorAction.PROFILE, transportService, actionFilters, threadPool, detectors);
    }

    @Override
    protected Map<String, Object> handle(DetectorRequest request) {
        return detectors.profile(request.id());
    }
}
