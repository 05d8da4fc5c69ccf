/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.ResourceNotFoundException;
import org.opensearch.action.support.PlainActionFuture;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.aiops.detector.metric.MetricDetectorType;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;
import org.opensearch.threadpool.ThreadPool;

/**
 * {@code _root_cause} on a test-framework node, against the real results mapping: event results
 * written as a trace detector writes them (through {@link SpanUnits} and {@link ResultIndex}),
 * counted through aggregations on the flat_object {@code entity}, ranked.
 */
public class RootCauseSingleNodeTests extends OpenSearchSingleNodeTestCase {

    private static final long START = 1_700_000_000_000L;
    private static final long END = START + 3_600_000L;

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(AiopsPlugin.class);
    }

    private DetectorTypes types() {
        List<DetectorType<?>> all = new ArrayList<>(MetricDetectorType.all(null));
        all.add(new CallsType());
        return new DetectorTypes(all);
    }

    private DetectorStore store(DetectorTypes types) {
        return new DetectorStore(
                new SystemIndexAccess(
                        client(),
                        getInstanceFromNode(ClusterService.class),
                        getInstanceFromNode(ThreadPool.class)),
                types,
                xContentRegistry());
    }

    private static String create(DetectorStore store, Detector detector) throws Exception {
        PlainActionFuture<String> id = PlainActionFuture.newFuture();
        store.create(detector, START, id);
        return id.get();
    }

    /**
     * The payment-1 pod fails most calls it gets; the gateway is in every anomalous event but in
     * many more normal ones; payment-1 also calls payment-2 (one service on both ends).
     */
    public void testFaultyPodAndServiceRankFirst() throws Exception {
        DetectorTypes types = types();
        DetectorStore store = store(types);
        Detector detector;
        try (XContentParser parser =
                DetectorFixtures.parser(
                        "{\"name\":\"calls\",\"type\":\"test_calls\",\"source\":{},"
                                + "\"training\":{\"from\":1,\"to\":2}}")) {
            detector = Detector.parse(parser, types);
        }
        String id = create(store, detector);

        List<DetectorResult> results = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        SpanUnits units = new SpanUnits(client(), 100);
        int[] n = {0};
        BiConsumer<CallEvent, Boolean> add =
                (event, anomalous) -> {
                    results.add(
                            units.result(
                                    id,
                                    detector,
                                    event,
                                    new DetectorScore(
                                            anomalous ? 0.9 : 0.1,
                                            anomalous ? 0.9 : 0.1,
                                            0,
                                            null,
                                            null),
                                    List.of(),
                                    0.5,
                                    END));
                    ids.add(id + "-" + n[0]++);
                };
        addEvents(add, "gateway-1", "gateway", "cart-1", "cart", 60, 2, START);
        addEvents(add, "gateway-1", "gateway", "payment-1", "payment", 2, 18, START);
        addEvents(add, "gateway-1", "gateway", "payment-2", "payment", 20, 0, START);
        addEvents(add, "payment-1", "payment", "payment-2", "payment", 2, 0, START);
        // outside the range: not counted
        addEvents(add, "gateway-1", "gateway", "cart-1", "cart", 0, 5, END + 60_000);
        // a trace result of the same detector: only events count
        DetectorResult event = results.get(70);
        results.add(
                new DetectorResult(
                        id,
                        detector,
                        ResultUnit.TRACE,
                        event.entity(),
                        event.entityKey(),
                        "trace-x",
                        null,
                        null,
                        START,
                        START + 1,
                        END,
                        new DetectorScore(0.9, 0.9, 0, null, null),
                        0.5,
                        List.of(),
                        List.of(),
                        null));
        ids.add(id + "-trace");
        new ResultIndex(client(), getInstanceFromNode(ClusterService.class))
                .write(detector.resultIndex(), results, ids);

        RootCauseRanking ranking = rootCause(store, id, 10);
        assertEquals(104, ranking.events());
        assertEquals(20, ranking.anomalousEvents());
        assertEquals(
                List.of("payment-1", "gateway-1", "cart-1"),
                ranking.pods().stream().map(RootCauseRanking.Suspect::name).toList());
        RootCauseRanking.Suspect payment1 = ranking.pods().get(0);
        assertEquals("payment", payment1.service());
        assertEquals(18, payment1.anomalous());
        assertEquals("as callee and as caller", 22, payment1.events());
        assertEquals(0.9 * 18 / 22.0, payment1.score(), 1e-9);
        RootCauseRanking.Suspect gateway = ranking.pods().get(1);
        assertEquals(102, gateway.events());
        assertEquals(1.0, gateway.share(), 1e-9);

        assertEquals(
                List.of("payment", "gateway", "cart"),
                ranking.services().stream().map(RootCauseRanking.Suspect::name).toList());
        RootCauseRanking.Suspect payment = ranking.services().get(0);
        assertNull(payment.service());
        assertEquals("a payment->payment call counts once", 42, payment.events());
        assertEquals(18, payment.anomalous());

        assertEquals(1, rootCause(store, id, 1).pods().size());
    }

    public void testOnlyTraceDetectorsAndExistingOnes() throws Exception {
        DetectorTypes types = types();
        DetectorStore store = store(types);
        String metric = create(store, DetectorFixtures.detector());
        ExecutionException wrongType =
                expectThrows(ExecutionException.class, () -> rootCause(store, metric, 10));
        OpenSearchStatusException status = (OpenSearchStatusException) wrongType.getCause();
        assertEquals(RestStatus.BAD_REQUEST, status.status());
        assertTrue(status.getMessage(), status.getMessage().contains("[metric_knn]"));
        ExecutionException missing =
                expectThrows(ExecutionException.class, () -> rootCause(store, "nope", 10));
        assertTrue(missing.getCause() instanceof ResourceNotFoundException);
    }

    public void testNoResultsYetIsAnEmptyRanking() throws Exception {
        DetectorTypes types = types();
        DetectorStore store = store(types);
        Detector detector;
        try (XContentParser parser =
                DetectorFixtures.parser(
                        "{\"name\":\"calls\",\"type\":\"test_calls\",\"source\":{},"
                                + "\"training\":{\"from\":1,\"to\":2},"
                                + "\"result_index\":\"aiops-results-none\"}")) {
            detector = Detector.parse(parser, types);
        }
        RootCauseRanking ranking = rootCause(store, create(store, detector), 10);
        assertEquals(0, ranking.events());
        assertEquals(List.of(), ranking.pods());
    }

    private RootCauseRanking rootCause(DetectorStore store, String id, int size) throws Exception {
        PlainActionFuture<RootCauseRanking> ranking = PlainActionFuture.newFuture();
        new DetectorResults(client(), store).rootCause(id, START, END, size, ranking);
        return ranking.get();
    }

    private static void addEvents(
            BiConsumer<CallEvent, Boolean> add,
            String source,
            String sourceService,
            String destination,
            String destinationService,
            int normal,
            int anomalous,
            long startMillis) {
        for (int i = 0; i < normal + anomalous; i++) {
            add.accept(
                    new CallEvent(
                            "t-" + source + "-" + destination + "-" + i,
                            "s" + i,
                            "p" + i,
                            source,
                            sourceService,
                            destination,
                            destinationService,
                            "op",
                            "call",
                            (startMillis + i * 1_000L) * 1_000L,
                            2_000,
                            1_000,
                            false,
                            Map.of(),
                            null,
                            List.of(),
                            null,
                            null),
                    i >= normal);
        }
    }

    /** A type over spans that is never trained: enough to store a trace detector. */
    private static final class CallsType implements DetectorType<CallsType.Params> {

        record Params() implements DetectorParams {
            @Override
            public String getWriteableName() {
                return "test_calls";
            }

            @Override
            public void writeTo(StreamOutput out) {}

            @Override
            public XContentBuilder toXContent(XContentBuilder builder, Params params)
                    throws IOException {
                return builder.startObject().endObject();
            }
        }

        @Override
        public String name() {
            return "test_calls";
        }

        @Override
        public DetectorInput input() {
            return DetectorInput.SPANS;
        }

        @Override
        public ModelScope scope() {
            return ModelScope.SHARED;
        }

        @Override
        public ResultUnit unit() {
            return ResultUnit.EVENT;
        }

        @Override
        public Class<Params> paramsClass() {
            return Params.class;
        }

        @Override
        public Params parseParams(XContentParser parser) throws IOException {
            parser.skipChildren();
            return new Params();
        }

        @Override
        public Params defaultParams() {
            return new Params();
        }

        @Override
        public Writeable.Reader<Params> paramsReader() {
            return in -> new Params();
        }
    }
}
