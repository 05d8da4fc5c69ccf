/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.opensearch.OpenSearchParseException;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionType;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.Detector;
import org.opensearch.aiops.detector.DetectorTypes;
import org.opensearch.aiops.transport.detector.DetectorActions;
import org.opensearch.aiops.transport.detector.DetectorIdRequest;
import org.opensearch.aiops.transport.detector.DetectorRangeRequest;
import org.opensearch.aiops.transport.detector.PutDetectorRequest;
import org.opensearch.aiops.transport.detector.RunDetectorRequest;
import org.opensearch.aiops.transport.detector.SearchDetectorsRequest;
import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.RestRequest.Method;
import org.opensearch.rest.action.RestStatusToXContentListener;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.transport.client.node.NodeClient;

/**
 * One {@code _plugins/_aiops/detectors…} endpoint: parses the path, URL parameters and body into
 * the action's typed request (errors name the field) and calls its transport action.
 */
public final class RestDetectorAction<
                Q extends ActionRequest, R extends ActionResponse & StatusToXContentObject>
        extends BaseRestHandler {

    static final String DETECTORS = AiopsRestPaths.BASE + "/detectors";
    static final long DEFAULT_TOP_RANGE_MS = 24 * 3600_000L;

    /** Builds the typed request of one endpoint from the REST request. */
    @FunctionalInterface
    interface RequestReader<Q> {
        Q read(RestRequest request) throws IOException;
    }

    /** Every detector endpoint. */
    public static List<RestDetectorAction<?, ?>> all(DetectorTypes types) {
        RequestReader<DetectorIdRequest> byId = r -> new DetectorIdRequest(r.param("id"));
        return List.of(
                new RestDetectorAction<>(
                        Method.POST,
                        DETECTORS,
                        DetectorActions.CREATE,
                        r -> new PutDetectorRequest(null, detector(r, types))),
                new RestDetectorAction<>(
                        Method.POST,
                        DETECTORS + "/_search",
                        DetectorActions.SEARCH,
                        r -> new SearchDetectorsRequest(List.of(), search(r))),
                new RestDetectorAction<>(
                        Method.POST,
                        DETECTORS + "/_validate",
                        DetectorActions.VALIDATE,
                        r -> new PutDetectorRequest(null, detector(r, types))),
                new RestDetectorAction<>(
                        Method.POST,
                        DETECTORS + "/results/_search",
                        DetectorActions.RESULTS_SEARCH,
                        RestDetectorAction::resultsSearch),
                new RestDetectorAction<>(
                        Method.GET, DETECTORS + "/{id}", DetectorActions.GET, byId),
                new RestDetectorAction<>(
                        Method.PUT,
                        DETECTORS + "/{id}",
                        DetectorActions.UPDATE,
                        r -> new PutDetectorRequest(r.param("id"), detector(r, types))),
                new RestDetectorAction<>(
                        Method.DELETE, DETECTORS + "/{id}", DetectorActions.DELETE, byId),
                new RestDetectorAction<>(
                        Method.POST, DETECTORS + "/{id}/_train", DetectorActions.TRAIN, byId),
                new RestDetectorAction<>(
                        Method.GET, DETECTORS + "/{id}/_profile", DetectorActions.PROFILE, byId),
                new RestDetectorAction<>(
                        Method.POST, DETECTORS + "/{id}/_start", DetectorActions.START, byId),
                new RestDetectorAction<>(
                        Method.POST, DETECTORS + "/{id}/_stop", DetectorActions.STOP, byId),
                new RestDetectorAction<>(
                        Method.POST,
                        DETECTORS + "/{id}/_run",
                        DetectorActions.RUN,
                        r -> new RunDetectorRequest(r.param("id"), range(r))),
                new RestDetectorAction<>(
                        Method.GET,
                        DETECTORS + "/{id}/results/_top",
                        DetectorActions.RESULTS_TOP,
                        RestDetectorAction::resultsRange),
                new RestDetectorAction<>(
                        Method.GET,
                        DETECTORS + "/{id}/results/_root_cause",
                        DetectorActions.RESULTS_ROOT_CAUSE,
                        RestDetectorAction::resultsRange));
    }

    private final Method method;
    private final String path;
    private final ActionType<R> action;
    private final RequestReader<Q> reader;

    private RestDetectorAction(
            Method method, String path, ActionType<R> action, RequestReader<Q> reader) {
        this.method = method;
        this.path = path;
        this.action = action;
        this.reader = reader;
    }

    @Override
    public String getName() {
        return "aiops_detector_"
                + action.name().substring(DetectorActions.PREFIX.length()).replace('/', '_');
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(method, path));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client)
            throws IOException {
        Q typed = reader.read(request);
        return channel ->
                client.execute(action, typed, new RestStatusToXContentListener<>(channel));
    }

    private static XContentParser body(RestRequest request) throws IOException {
        if (request.hasContent() == false) {
            throw new OpenSearchParseException("request body is required");
        }
        return request.contentParser();
    }

    private static Detector detector(RestRequest request, DetectorTypes types) throws IOException {
        try (XContentParser parser = body(request)) {
            return Detector.parse(parser, types);
        }
    }

    private static TimeRange range(RestRequest request) throws IOException {
        try (XContentParser parser = body(request)) {
            return TimeRange.parse(parser, "");
        }
    }

    private static SearchSourceBuilder search(RestRequest request) throws IOException {
        if (request.hasContent() == false) {
            return new SearchSourceBuilder();
        }
        try (XContentParser parser = request.contentParser()) {
            return SearchSourceBuilder.fromXContent(parser);
        }
    }

    /** A search body with {@code detector_ids} beside the search's own fields. */
    private static SearchDetectorsRequest resultsSearch(RestRequest request) throws IOException {
        if (request.hasContent() == false) {
            return new SearchDetectorsRequest(List.of(), new SearchSourceBuilder());
        }
        Map<String, Object> body = RequestBody.optionalObject(request);
        Object ids = body.remove("detector_ids");
        List<String> detectorIds =
                ids == null
                        ? List.of()
                        : RequestBody.stringList(Map.of("detector_ids", ids), "detector_ids");
        try (XContentBuilder rest = XContentFactory.jsonBuilder().map(body);
                XContentParser parser =
                        request.getMediaType()
                                .xContent()
                                .createParser(
                                        request.getXContentRegistry(),
                                        DeprecationHandler.IGNORE_DEPRECATIONS,
                                        rest.toString())) {
            return new SearchDetectorsRequest(
                    detectorIds, SearchSourceBuilder.fromXContent(parser));
        }
    }

    /**
     * The {@code from}, {@code to} and {@code size} URL parameters of the results endpoints: the
     * range defaults to the day before {@code to}, which defaults to now.
     */
    private record ResultsWindow(long from, long to, int size) {

        static ResultsWindow read(RestRequest request, int defaultSize, int maxSize) {
            long now = System.currentTimeMillis();
            String fromText = request.param("from");
            String toText = request.param("to");
            long to = toText == null ? now : TimeRange.parse(toText, "to");
            long from =
                    fromText == null
                            ? to - DEFAULT_TOP_RANGE_MS
                            : TimeRange.parse(fromText, "from");
            TimeRange.of(from, to, "");
            int size = request.paramAsInt("size", defaultSize);
            if (size < 1 || size > maxSize) {
                throw new IllegalArgumentException(
                        "[size] must be an integer in [1, " + maxSize + "], got [" + size + "]");
            }
            return new ResultsWindow(from, to, size);
        }
    }

    /** {@code _top} and {@code _root_cause}: the detector, a range and a size. */
    private static DetectorRangeRequest resultsRange(RestRequest request) {
        ResultsWindow window =
                ResultsWindow.read(
                        request, DetectorRangeRequest.DEFAULT_SIZE, DetectorRangeRequest.MAX_SIZE);
        return new DetectorRangeRequest(
                request.param("id"), window.from(), window.to(), window.size());
    }
}
