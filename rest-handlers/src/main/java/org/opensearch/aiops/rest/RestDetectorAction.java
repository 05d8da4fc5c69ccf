package org.opensearch.aiops.rest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.transport.detector.DetectorAction;
import org.opensearch.aiops.transport.detector.DetectorRequest;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.RestRequest.Method;
import org.opensearch.rest.action.RestStatusToXContentListener;
import org.opensearch.transport.client.node.NodeClient;

/**
 * One {@code _plugins/_aiops/detectors…} endpoint: builds a {@link DetectorRequest} (id from the path, JSON body, the
 * endpoint's URL parameters) and calls its transport action, where all validation happens.
 */
public final class RestDetectorAction extends BaseRestHandler {

    static final String DETECTORS = AiopsRestPaths.BASE + "/detectors";

    /** Every detector endpoint. */
    public static List<RestDetectorAction> all() {
        return List.of(
            new RestDetectorAction(Method.POST, DETECTORS, DetectorAction.CREATE),
            new RestDetectorAction(Method.POST, DETECTORS + "/_search", DetectorAction.SEARCH),
            new RestDetectorAction(Method.POST, DETECTORS + "/_validate", DetectorAction.VALIDATE),
            new RestDetectorAction(Method.POST, DETECTORS + "/results/_search", DetectorAction.RESULTS_SEARCH),
            new RestDetectorAction(Method.GET, DETECTORS + "/{id}", DetectorAction.GET),
            new RestDetectorAction(Method.PUT, DETECTORS + "/{id}", DetectorAction.UPDATE),
            new RestDetectorAction(Method.DELETE, DETECTORS + "/{id}", DetectorAction.DELETE),
            new RestDetectorAction(Method.POST, DETECTORS + "/{id}/_train", DetectorAction.TRAIN),
            new RestDetectorAction(Method.GET, DETECTORS + "/{id}/_profile", DetectorAction.PROFILE),
            new RestDetectorAction(Method.POST, DETECTORS + "/{id}/_start", DetectorAction.START),
            new RestDetectorAction(Method.POST, DETECTORS + "/{id}/_stop", DetectorAction.STOP),
            new RestDetectorAction(Method.POST, DETECTORS + "/{id}/_run", DetectorAction.RUN),
            new RestDetectorAction(Method.GET, DETECTORS + "/{id}/results/_top", DetectorAction.RESULTS_TOP, "from", "to", "size")
        );
    }

    private final Method method;
    private final String path;
    private final DetectorAction action;
    private final List<String> params;

    private RestDetectorAction(Method method, String path, DetectorAction action, String... params) {
        this.method = method;
        this.path = path;
        this.action = action;
        this.params = List.of(params);
    }

    @Override
    public String getName() {
        return "aiops_detector_" + action.name().substring(DetectorAction.PREFIX.length()).replace('/', '_');
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(method, path));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : params) {
            String value = request.param(name);
            if (value != null) {
                values.put(name, value);
            }
        }
        DetectorRequest detectorRequest = new DetectorRequest(request.param("id"), RequestBody.optionalObject(request), values);
        return channel -> client.execute(action, detectorRequest, new RestStatusToXContentListener<>(channel));
    }
}
