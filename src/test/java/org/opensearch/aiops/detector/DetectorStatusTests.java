/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.test.OpenSearchTestCase;

/**
 * The state document: stored and read back, sent between nodes, and tolerant of documents written
 * around the plugin.
 */
public class DetectorStatusTests extends OpenSearchTestCase {

    static DetectorStatus trained() {
        TrainingProgress progress =
                TrainingProgress.started(1_000, "node-a")
                        .running(0.5, 2_000, 1, 2)
                        .finished(3_000, 500, 2, 2, 1);
        return DetectorStatus.CREATED
                .withState(DetectorState.TRAINING)
                .training(progress)
                .trained(
                        progress,
                        new ModelSummary(
                                2, 1000, 1500, 800, 8, List.of(new EpochLog(1.5, 0.25, 0.5))),
                        0.42,
                        new ScoreSummary(100, 0.1, 0.05, 0.09, 0.3, 0.5, "host=a"),
                        1000)
                .withLastRun(new RunSummary(4_000, 3_000, 4_000, 10, 1, 2, 0, 8, 1))
                .running(3_500);
    }

    public void testStoredSourceRoundTrip() throws IOException {
        DetectorStatus status = trained();
        XContentBuilder builder = JsonXContent.contentBuilder().startObject();
        status.toXContent(builder, ToXContent.EMPTY_PARAMS);
        Map<String, Object> source =
                XContentHelper.convertToMap(
                        JsonXContent.jsonXContent, builder.endObject().toString(), false);
        assertEquals(status, DetectorStatus.fromSource(source));
        assertEquals(
                2_000L,
                ((Number) ((Map<?, ?>) source.get("training")).get("duration_ms")).longValue());
    }

    public void testWireRoundTrip() throws IOException {
        DetectorStatus status = trained();
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            status.writeTo(out);
            try (StreamInput in = out.bytes().streamInput()) {
                assertEquals(status, new DetectorStatus(in));
            }
        }
    }

    public void testForgedDocumentReadsSafely() {
        DetectorStatus status =
                DetectorStatus.fromSource(
                        Map.of(
                                "state",
                                "dancing",
                                "training",
                                "not an object",
                                "threshold",
                                "high"));
        assertEquals(DetectorState.FAILED, status.state());
        assertNull(status.training());
        assertNull(status.threshold());
        assertEquals(DetectorState.CREATED, DetectorStatus.fromSource(Map.of()).state());
    }

    public void testProgressEstimatesTheRest() {
        TrainingProgress running = TrainingProgress.started(1_000, "n").running(0.25, 2_000, 1, 4);
        assertEquals(25.0, running.progress(), 0.0);
        assertEquals(Long.valueOf(3_000), running.etaMs());
        assertNull(TrainingProgress.started(1_000, "n").running(0, 2_000, 0, 4).etaMs());
    }
}
