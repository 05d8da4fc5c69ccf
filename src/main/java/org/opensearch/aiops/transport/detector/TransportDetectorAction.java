package org.opensearch.aiops.transport.detector;

import java.util.Map;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.detector.DetectorService;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.tasks.Task;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

/**
 * Base of the detector transport actions: runs the operation on the detector pool (it waits for the cluster), so a
 * full pool refuses work with 429 instead of blocking transport threads.
 */
public abstract class TransportDetectorAction extends HandledTransportAction<DetectorRequest, DetectorResponse> {

    protected final DetectorService detectors;
    protected final ThreadPool threadPool;

    protected TransportDetectorAction(
        DetectorAction action,
        TransportService transportService,
        ActionFilters actionFilters,
        ThreadPool threadPool,
        DetectorService detectors
    ) {
        super(action.name(), transportService, actionFilters, DetectorRequest::new);
        this.detectors = detectors;
        this.threadPool = threadPool;
    }

    @Override
    protected final void doExecute(Task task, DetectorRequest request, ActionListener<DetectorResponse> listener) {
        threadPool.executor(AiopsPlugin.DETECTOR_THREAD_POOL).execute(() -> {
            try {
                listener.onResponse(new DetectorResponse(status(), handle(request)));
            } catch (Exception e) {
                listener.onFailure(e);
            }
        });
    }

    protected RestStatus status() {
        return RestStatus.OK;
    }

    protected abstract Map<String, Object> handle(DetectorRequest request) throws Exception;
}
