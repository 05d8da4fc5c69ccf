/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.Detector;
import org.opensearch.aiops.detector.DetectorFixtures;
import org.opensearch.aiops.detector.DetectorProfile;
import org.opensearch.aiops.detector.DetectorState;
import org.opensearch.aiops.detector.DetectorStatus;
import org.opensearch.aiops.detector.DetectorValidation;
import org.opensearch.aiops.detector.ModelMemory;
import org.opensearch.aiops.detector.RootCauseRanking;
import org.opensearch.aiops.detector.RunSummary;
import org.opensearch.aiops.detector.TopResults;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.io.stream.NamedWriteableAwareStreamInput;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.aggregations.AggregationBuilders;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.test.OpenSearchTestCase;

/**
 * Every detector request and response written to a stream and read back is equal to what was
 * written.
 */
public class DetectorTransportRoundTripTests extends OpenSearchTestCase {

    private static <T extends Writeable> void assertRoundTrip(T written, Writeable.Reader<T> reader)
            throws IOException {
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            written.writeTo(out);
            try (StreamInput in =
                    new NamedWriteableAwareStreamInput(
                            out.bytes().streamInput(), DetectorFixtures.writeables())) {
                T read = reader.read(in);
                assertEquals(written, read);
                assertEquals(written.hashCode(), read.hashCode());
                assertEquals("the whole stream is read", 0, in.available());
            }
        }
    }

    public void testRequests() throws IOException {
        Detector detector = DetectorFixtures.detector();
        assertRoundTrip(new DetectorIdRequest(randomAlphaOfLength(12)), DetectorIdRequest::new);
        assertRoundTrip(new PutDetectorRequest(null, detector), PutDetectorRequest::new);
        assertRoundTrip(new PutDetectorRequest("abc", detector), PutDetectorRequest::new);
        SearchSourceBuilder search =
                new SearchSourceBuilder()
                        .query(QueryBuilders.termQuery("type", "metric_knn"))
                        .size(7)
                        .aggregation(AggregationBuilders.terms("types").field("type"));
        assertRoundTrip(new SearchDetectorsRequest(List.of(), search), SearchDetectorsRequest::new);
        assertRoundTrip(
                new SearchDetectorsRequest(List.of("a", "b"), search), SearchDetectorsRequest::new);
        assertRoundTrip(
                new RunDetectorRequest("abc", new TimeRange(5, 10)), RunDetectorRequest::new);
        assertRoundTrip(new DetectorRangeRequest("abc", 5, 10, 42), DetectorRangeRequest::new);
    }

    public void testResponses() throws IOException {
        Detector detector = DetectorFixtures.detector();
        assertRoundTrip(
                new DetectorResponse("abc", detector, DetectorState.TRAINED, randomBoolean()),
                DetectorResponse::new);
        assertRoundTrip(
                new DetectorStateResponse("abc", randomFrom(DetectorState.values())),
                DetectorStateResponse::new);
        assertRoundTrip(
                new DeleteDetectorResponse("abc", randomNonNegativeLong()),
                DeleteDetectorResponse::new);
        ModelMemory memory = new ModelMemory(3, 1000, 200, 1 << 20, 1);
        DetectorStatus status =
                DetectorStatus.CREATED
                        .withState(DetectorState.RUNNING)
                        .withLastRun(new RunSummary(1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertRoundTrip(
                new DetectorObjectResponse<>(
                        new DetectorProfile(
                                "abc",
                                "n",
                                "metric_knn",
                                status,
                                true,
                                TimeValue.timeValueMinutes(1),
                                memory)),
                in -> new DetectorObjectResponse<>(in, DetectorProfile::new));
        assertRoundTrip(
                new DetectorObjectResponse<>(
                        new DetectorProfile(
                                "abc",
                                "n",
                                "metric_knn",
                                DetectorStatus.CREATED,
                                null,
                                null,
                                memory)),
                in -> new DetectorObjectResponse<>(in, DetectorProfile::new));
        assertRoundTrip(
                new DetectorObjectResponse<>(
                        new DetectorValidation(
                                List.of("[source.fields] field [x] is not mapped"),
                                new DetectorValidation.TrainingData(10, 2, 1, 18, 8),
                                4096L,
                                memory)),
                in -> new DetectorObjectResponse<>(in, DetectorValidation::new));
        assertRoundTrip(
                new DetectorObjectResponse<>(
                        new DetectorValidation(List.of("bad"), null, null, null)),
                in -> new DetectorObjectResponse<>(in, DetectorValidation::new));
        assertRoundTrip(
                new RunDetectorResponse("abc", new RunSummary(1, 2, 3, 4, 5, 6, 7, 8, 9)),
                RunDetectorResponse::new);
        TopResults.EntityBucket bucket =
                new TopResults.EntityBucket(
                        "host=a",
                        Map.of("host", "a"),
                        0.9,
                        2,
                        List.of(Map.of("_id", "r1", "score", 0.9, "entity", Map.of("host", "a"))));
        assertRoundTrip(
                new DetectorObjectResponse<>(new TopResults("abc", 1, 2, List.of(bucket))),
                in -> new DetectorObjectResponse<>(in, TopResults::new));
        RootCauseRanking ranking =
                new RootCauseRanking(
                        "abc",
                        1,
                        2,
                        20,
                        300,
                        List.of(
                                new RootCauseRanking.Suspect(
                                        "payment-1", "payment", 0.81, 0.9, 0.9, 18, 20)),
                        List.of(
                                new RootCauseRanking.Suspect(
                                        "payment", null, 0.81, 0.9, 0.9, 18, 20)));
        assertRoundTrip(
                new DetectorObjectResponse<>(ranking),
                in -> new DetectorObjectResponse<>(in, RootCauseRanking::new));
        assertRoundTrip(
                new DetectorObjectResponse<>(
                        new RootCauseRanking("abc", 1, 2, 0, 0, List.of(), List.of())),
                in -> new DetectorObjectResponse<>(in, RootCauseRanking::new));
    }

    public void testIdIsRequired() {
        assertNotNull(new DetectorIdRequest("").validate());
        assertNull(new DetectorIdRequest("x").validate());
        assertNotNull(new DetectorRangeRequest(" ", 1, 2, 3).validate());
    }

    public void testDetectorRangeRequestValidation() {
        assertNull(new DetectorRangeRequest("x", 1, 2, 10).validate());
        assertTrue(new DetectorRangeRequest("", 1, 2, 10).validate().getMessage().contains("[id]"));
        assertTrue(
                new DetectorRangeRequest("x", 2, 2, 10).validate().getMessage().contains("[from]"));
        assertTrue(
                new DetectorRangeRequest("x", 1, 2, 0).validate().getMessage().contains("[size]"));
        assertTrue(
                new DetectorRangeRequest("x", 1, 2, DetectorRangeRequest.MAX_SIZE + 1)
                        .validate()
                        .getMessage()
                        .contains("[size]"));
    }
}
