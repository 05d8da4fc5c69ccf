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

public class SpanInputTests extends OpenSearchTestCase {

    public void testEmptyObjectGivesTheDefaults() throws Exception {
        SpanInput input = InputTestSupport.parse("{}", SpanInput::parse);
        assertEquals(SpanInput.defaults(), input);
        assertEquals(List.of("jaeger-span-*"), input.indices());
        assertEquals("startTimeMillis", input.timeField());
        assertEquals(TimeValue.timeValueMinutes(1), input.parentMargin());
        assertNull(input.filter());
    }

    public void testEveryFieldParses() throws Exception {
        SpanInput input =
                InputTestSupport.parse(
                        "{\"indices\": [\"spans-a\", \"spans-b\"], \"time_field\": \"@timestamp\", \"instance_tag\": \"pod\","
                                + " \"tags\": [\"http.route\"], \"code_context_field\": \"ctx\", \"parent_margin\": \"30s\","
                                + " \"filter\": {\"term\": {\"process.serviceName\": \"ts-order-service\"}}}",
                        SpanInput::parse);
        assertEquals(List.of("spans-a", "spans-b"), input.indices());
        assertEquals("@timestamp", input.timeField());
        assertEquals(List.of("pod"), input.instanceTags());
        assertEquals(List.of("http.route"), input.tags());
        assertEquals("ctx", input.codeContextField());
        assertEquals(TimeValue.timeValueSeconds(30), input.parentMargin());
        assertEquals(
                QueryBuilders.termQuery("process.serviceName", "ts-order-service"), input.filter());
    }

    public void testXContentRoundTrip() throws Exception {
        for (SpanInput input : List.of(SpanInput.defaults(), withFilter())) {
            assertEquals(
                    input,
                    InputTestSupport.parse(InputTestSupport.toJson(input), SpanInput::parse));
        }
    }

    public void testStreamRoundTrip() throws Exception {
        for (SpanInput input : List.of(SpanInput.defaults(), withFilter())) {
            assertEquals(input, InputTestSupport.streamRoundTrip(input, SpanInput::new));
        }
    }

    public void testErrorsNameTheField() {
        assertError(
                "{\"instance_tag\": 3}",
                "[source.instance_tag] must be a string or an array of strings, got number [3]");
        assertError(
                "{\"instance_tag\": []}",
                "[source.instance_tag] must name at least one process tag");
        assertError(
                "{\"indices\": [\"a\", 1]}",
                "[source.indices][1] must be a non-empty string, got number [1]");
        assertError("{\"time_field\": \"\"}", "[source.time_field] must be a non-empty string");
        assertError("{\"time_field\": {}}", "[source.time_field] must be a string, got an object");
        assertError(
                "{\"parent_margin\": \"2h\"}",
                "[source.parent_margin] must be between 0ms and 1h, got [2h]");
        assertError(
                "{\"parent_margin\": \"soon\"}",
                "[source.parent_margin] must be a time such as 30s, 1m or 1h, got [soon]");
        assertError(
                "{\"filter\": \"x\"}", "[source.filter] must be a query object, got string [x]");
        assertError(
                "{\"filter\": {\"no_such_query\": {}}}", "[source.filter] is not a valid query");
        assertError(
                "{\"instance\": \"pod\"}",
                "unknown field [source.instance]; allowed fields are [code_context_field, filter,");
        assertError("[]", "[source] must be an object, got an array");
    }

    private static SpanInput withFilter() {
        return new SpanInput(
                List.of("jaeger-span-2026-12-06"),
                "startTimeMillis",
                List.of("hostname"),
                List.of(),
                "code_context",
                TimeValue.timeValueSeconds(10),
                QueryBuilders.boolQuery()
                        .filter(QueryBuilders.termQuery("process.serviceName", "frontend")));
    }

    private static void assertError(String json, String expected) {
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class,
                        () -> InputTestSupport.parse(json, SpanInput::parse));
        assertTrue(
                "[" + e.getMessage() + "] should start with [" + expected + "]",
                e.getMessage().startsWith(expected));
    }
}
