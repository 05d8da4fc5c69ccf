package org.opensearch.aiops.transport.detector;

import java.util.Map;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.common.inject.Inject;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/** Starts training in the background (409 when it already trains). */
public final class TransportTrainDetectorAction extends TransportDetectorAction {

    @Inject
    public TransportTrainDetectorAction(TransportService transportService, ActionFilters actionFilters, ThreadPool threadPool, DetectorService detectors) {
        super(DetectorAction.TRAIN, transportService, actionFilters, threadPool, detectors);
    }

    @Override
    protected Map<String, Object> handle(DetectorRequest request) {
        return detectors.train(request.id(), threadPool.executor(AiopsPlugin.DETECTOR_THREAD_POOL));
    }
}
