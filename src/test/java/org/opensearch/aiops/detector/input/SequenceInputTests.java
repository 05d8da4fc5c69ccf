/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.List;

import org.opensearch.common.unit.TimeValue;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.test.OpenSearchTestCase;

public class SequenceInputTests extends OpenSearchTestCase {

    public void testSessionFieldWithDefaults() throws Exception {
        SequenceInput input =
                InputTestSupport.parse(
                        "{\"indices\": \"logs-*\", \"session_field\": \"trace_id\"}",
                        SequenceInput::parse);
        assertEquals(List.of("logs-*"), input.indices());
        assertEquals("@timestamp", input.timeField());
        assertEquals("log_template.id", input.templateField());
        assertEquals("trace_id", input.sessionField());
        assertNull(input.sessionPattern());
        assertNull(input.sessionPatternField());
        assertNull(input.window());
        assertEquals(List.of(), input.entityFields());
        assertEquals(TimeValue.timeValueMinutes(10), input.sessionTimeout());
        assertFalse(input.windowed());
        assertEquals(10_000, input.maxSessionEvents());
        assertNull(input.filter());
    }

    public void testSessionPatternDefaultsToTheMessage() throws Exception {
        SequenceInput input =
                InputTestSupport.parse(
                        "{\"indices\": [\"hdfs\"], \"session_pattern\": \"blk_-?\\\\d+\", \"session_timeout\": \"1h\"}",
                        SequenceInput::parse);
        assertEquals("blk_-?\\d+", input.sessionPattern());
        assertEquals("message", input.sessionPatternField());
        assertEquals(TimeValue.timeValueHours(1), input.sessionTimeout());
    }

    public void testWindowStepDefaultsToTheWindow() throws Exception {
        SequenceInput tumbling =
                InputTestSupport.parse(
                        "{\"indices\": \"bgl\", \"window\": \"1h\", \"entity_fields\": [\"node\"]}",
                        SequenceInput::parse);
        assertTrue(tumbling.windowed());
        assertEquals(TimeValue.timeValueHours(1), tumbling.step());
        assertNull(tumbling.sessionTimeout());
        assertEquals(List.of("node"), tumbling.entityFields());
        SequenceInput sliding =
                InputTestSupport.parse(
                        "{\"indices\": \"bgl\", \"window\": \"60s\", \"step\": 15000}",
                        SequenceInput::parse);
        assertEquals(TimeValue.timeValueSeconds(15), sliding.step());
    }

    public void testRoundTrips() throws Exception {
        for (SequenceInput input : examples()) {
            assertEquals(
                    input,
                    InputTestSupport.parse(InputTestSupport.toJson(input), SequenceInput::parse));
            assertEquals(input, InputTestSupport.streamRoundTrip(input, SequenceInput::new));
        }
    }

    public void testErrorsNameTheField() {
        assertError("{\"session_field\": \"x\"}", "[source.indices] is required");
        assertError(
                "{\"indices\": \"l\"}",
                "[source] needs exactly one of [source.session_field], [source.session_pattern] or [source.window]");
        assertError(
                "{\"indices\": \"l\", \"session_field\": \"x\", \"window\": \"1m\"}",
                "[source] needs exactly one of [source.session_field], [source.session_pattern] or [source.window] to group events into sessions, got 2");
        assertError(
                "{\"indices\": \"l\", \"session_pattern\": \"blk_(\"}",
                "[source.session_pattern] is not a valid regular expression");
        assertError(
                "{\"indices\": \"l\", \"session_field\": \"x\", \"session_pattern_field\": \"m\"}",
                "[source.session_pattern_field] applies only with [source.session_pattern]");
        assertError(
                "{\"indices\": \"l\", \"session_field\": \"x\", \"step\": \"1m\"}",
                "[source.step] applies only with [source.window]");
        assertError(
                "{\"indices\": \"l\", \"window\": \"1m\", \"session_timeout\": \"1m\"}",
                "[source.session_timeout] applies to [source.session_field]");
        assertError(
                "{\"indices\": \"l\", \"window\": \"1m\", \"step\": \"2m\"}",
                "[source.step] must not exceed [source.window]");
        assertError(
                "{\"indices\": \"l\", \"window\": \"1d\", \"step\": \"1s\"}",
                "[source.step] must be at least [source.window] / 100");
        assertError(
                "{\"indices\": \"l\", \"window\": \"2d\"}",
                "[source.window] must be between 1s and 1d, got [2d]");
        assertError(
                "{\"indices\": \"l\", \"window\": true}",
                "[source.window] must be a time such as 30s, 1m or 1h, got boolean [true]");
        assertError(
                "{\"indices\": \"l\", \"session_field\": 7}",
                "[source.session_field] must be a string, got number [7]");
        assertError(
                "{\"indices\": \"l\", \"session_field\": \"x\", \"entity_fields\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}",
                "[source.entity_fields] takes at most 5 fields");
        assertError(
                "{\"indices\": \"l\", \"session_field\": \"x\", \"filter\": []}",
                "[source.filter] must be a query object, got an array");
        assertError(
                "{\"indices\": \"l\", \"sesion_field\": \"x\"}",
                "unknown field [source.sesion_field]");
        assertError(
                "{\"indices\": \"l\", \"session_field\": \"x\", \"max_session_events\": 1}",
                "[source.max_session_events] must be an integer in [2, 1000000], got number [1]");
        assertError(
                "{\"indices\": \"l\", \"session_field\": \"x\", \"max_session_events\": 2.5}",
                "[source.max_session_events] must be an integer in [2, 1000000], got number [2.5]");
    }

    private static List<SequenceInput> examples() {
        return List.of(
                new SequenceInput(
                        List.of("logs-*"),
                        "@timestamp",
                        "log_template.id",
                        "trace_id",
                        null,
                        null,
                        null,
                        null,
                        List.of("service.name"),
                        TimeValue.timeValueMinutes(10),
                        10_000,
                        null),
                new SequenceInput(
                        List.of("hdfs"),
                        "ts",
                        "tpl.id",
                        null,
                        "(blk_-?\\d+)",
                        "log_template.parameters",
                        null,
                        null,
                        List.of(),
                        TimeValue.timeValueHours(2),
                        500,
                        QueryBuilders.termQuery("level", "INFO")),
                new SequenceInput(
                        List.of("bgl-a", "bgl-b"),
                        "@timestamp",
                        "log_template.id",
                        null,
                        null,
                        null,
                        TimeValue.timeValueHours(1),
                        TimeValue.timeValueMinutes(15),
                        List.of("node", "rack"),
                        null,
                        10_000,
                        QueryBuilders.matchAllQuery()));
    }

    private static void assertError(String json, String expected) {
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class,
                        () -> InputTestSupport.parse(json, SequenceInput::parse));
        assertTrue(
                "[" + e.getMessage() + "] should start with [" + expected + "]",
                e.getMessage().startsWith(expected));
    }
}
