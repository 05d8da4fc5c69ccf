package org.opensearch.aiops.transport.detector;

import java.util.Map;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.common.inject.Inject;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/** Starts real-time scoring through a Job Scheduler job. */
public final class TransportStartDetectorAction extends TransportDetectorAction {

    @Inject
    public TransportStartDetectorAction(TransportService transportService, ActionFilters actionFilters, ThreadPool threadPool, DetectorService detectors) {
        super(DetectorAction.START, transportService, actionFilters, threadPool, detectors);
    }

    @Override
    protected Map<String, Object> handle(DetectorRequest request) {
        return detectors.start(request.id());
    }
}
