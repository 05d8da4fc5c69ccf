package org.opensearch.aiops.transport.detector;

import java.util.Map;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.common.inject.Inject;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/** Deletes a detector with its job, checkpoints and state (results stay). */
public final class TransportDeleteDetectorAction extends TransportDetectorAction {

    @Inject
    public TransportDeleteDetectorAction(TransportService transportService, ActionFilters actionFilters, ThreadPool threadPool, DetectorService detectors) {
        super(DetectorAction.DELETE, transportService, actionFilters, threadPool, detectors);
    }

    @Override
    protected Map<String, Object> handle(DetectorRequest request) {
        return detectors.delete(request.id());
    }
}
