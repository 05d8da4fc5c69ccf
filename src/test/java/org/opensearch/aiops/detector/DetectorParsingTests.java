/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;

import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.aiops.detector.metric.MetricParams;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.io.stream.NamedWriteableAwareStreamInput;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.test.OpenSearchTestCase;

/**
 * A detector parses once into types, prints back to the same JSON, travels between nodes, and
 * errors name the field.
 */
public class DetectorParsingTests extends OpenSearchTestCase {

    static final String GOOD =
            """
        {"name":"host-cpu","type":"metric_knn",
         "source":{"indices":["metrics"],"time_field":"@timestamp","fields":["cpu"],"entity_fields":["host"]},
         "training":{"from":1000,"to":"1970-01-01T00:00:02Z"}}""";

    public void testParsesWithDefaults() throws IOException {
        Detector detector = DetectorFixtures.parse(GOOD);
        assertEquals("host-cpu", detector.name());
        assertEquals("metric_knn", detector.type());
        assertEquals(new TimeRange(1000, 2000), detector.training().range());
        assertEquals(ThresholdSpec.DEFAULT, detector.threshold());
        assertEquals("1m", detector.interval().getStringRep());
        MetricParams params = (MetricParams) detector.params();
        assertEquals(MetricParams.DEFAULT_WINDOW, params.window());
        assertEquals(DetectorInput.METRIC, detector.source().input());
    }

    public void testTypeMayFollowSourceAndParams() throws IOException {
        Detector detector =
                DetectorFixtures.parse(
                        """
            {"params":{"k":3},"source":{"indices":"m","time_field":"t","fields":["cpu"]},
             "training":{"query":{"match_all":{}}},"name":"n","type":"metric_lof"}""");
        assertEquals(3, ((MetricParams) detector.params()).k());
        assertEquals("lof", ((MetricParams) detector.params()).algorithm());
        assertNull(detector.training().range());
    }

    public void testXContentRoundTrip() throws IOException {
        Detector detector = DetectorFixtures.detector();
        XContentBuilder builder = JsonXContent.contentBuilder();
        detector.toXContent(builder, ToXContent.EMPTY_PARAMS);
        assertEquals(detector, DetectorFixtures.parse(builder.toString()));
    }

    public void testWireRoundTrip() throws IOException {
        Detector detector = DetectorFixtures.detector();
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            detector.writeTo(out);
            try (StreamInput in =
                    new NamedWriteableAwareStreamInput(
                            out.bytes().streamInput(), DetectorFixtures.writeables())) {
                assertEquals(detector, new Detector(in));
            }
        }
    }

    public void testErrorsNameTheField() {
        assertError(
                GOOD.replace("metric_knn", "metric_magic"),
                "[type] unknown detector type [metric_magic]");
        assertError(GOOD.replace("[\"cpu\"]", "[]"), "[source.fields] must name between 1 and 32");
        assertError(
                GOOD.replace("[\"cpu\"]", "[\"cpu\", 7]"),
                "[source.fields][1] must be a non-empty string, got number [7]");
        assertError(GOOD.replace("\"from\":1000,", ""), "[training.from] is required");
        assertError(
                GOOD.replace("\"from\":1000", "\"from\":3000"),
                "[training.from] must be before [training.to]");
        assertError(
                GOOD.replace("\"name\":\"host-cpu\",", "\"name\":\"x\",\"colour\":1,"),
                "unknown field [colour]");
        assertError(
                GOOD.replace("\"time_field\":\"@timestamp\",", ""),
                "[source.time_field] is required");
        assertError(
                GOOD.replace("}}", "},\"schedule\":{\"interval\":\"often\"}}"),
                "[schedule.interval] must be a time");
        assertError(
                GOOD.replace("}}", "},\"schedule\":{\"interval\":\"0s\"}}"),
                "[schedule.interval] must be between 1s and 1d");
        assertError(
                GOOD.replace("}}", "},\"params\":{\"window\":100000}}"),
                "params.window must be an integer in [1, 1000]");
        assertError(GOOD.replace("}}", "},\"params\":{\"scales\":9}}"), "params.scales");
        assertError(
                GOOD.replace("}}", "},\"threshold\":{\"type\":\"sigma\",\"value\":-1}}"),
                "[threshold.value] for a sigma threshold");
        assertError(
                GOOD.replace("}}", "},\"class_labels\":{\"1\":5}}"),
                "[class_labels.1] must be a string");
        assertError(
                GOOD.replace("}}", "},\"result_index\":\"Other\"}}"),
                "[result_index] must be a lowercase index name");
        assertError(
                GOOD.replace("\"source\":{", "\"source\":{\"filter\":{\"no_such_query\":{}},"),
                "[source.filter] is not a valid query");
        assertError(GOOD.replace("\"name\":\"host-cpu\",", ""), "[name] is required");
        assertError(
                GOOD.replace(
                        "\"training\":{\"from\":1000,\"to\":\"1970-01-01T00:00:02Z\"}",
                        "\"training\":{}"),
                "[training] needs a time range");
    }

    private static void assertError(String json, String expected) {
        IllegalArgumentException e =
                expectThrows(IllegalArgumentException.class, () -> DetectorFixtures.parse(json));
        assertTrue(e.getMessage(), e.getMessage().contains(expected));
    }
}
