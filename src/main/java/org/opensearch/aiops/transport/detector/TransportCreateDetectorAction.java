package org.opensearch.aiops.transport.detector;

import java.util.Map;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/** Creates a detector from its configuration (400 naming the field when it is not valid). */
public final class TransportCreateDetectorAction extends TransportDetectorAction {

    @Inject
    public TransportCreateDetectorAction(TransportService transportService, ActionFilters actionFilters, ThreadPool threadPool, DetectorService detectors) {
        super(DetectorAction.CREATE, transportService, actionFilters, threadPool, detectors);
    }

    @Override
    protected RestStatus status() {
        return RestStatus.CREATED;
    }

    @Override
    protected Map<String, Object> handle(DetectorRequest request) {
        return detectors.create(request.body());
    }
}
