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
        assertNull("joins are off unless configured", input.logs());
        assertNull(input.kpis());
    }

    public void testEmptyJoinObjectsGiveWhatTheNezhaImporterWrites() throws Exception {
        SpanInput input = InputTestSupport.parse("{\"logs\": {}, \"kpis\": {}}", SpanInput::parse);
        SpanLogSource logs = input.logs();
        assertEquals(SpanLogSource.defaults(), logs);
        assertEquals(List.of("nezha-logs"), logs.indices());
        assertEquals("@timestamp", logs.timeField());
        assertEquals("trace_id", logs.traceIdField());
        assertEquals("span_id", logs.spanIdField());
        assertEquals("log_template.id", logs.templateField());
        PodKpiSource kpis = input.kpis();
        assertEquals(PodKpiSource.defaults(), kpis);
        assertEquals(List.of("nezha-metrics"), kpis.indices());
        assertEquals("pod", kpis.instanceField());
        assertEquals(
                List.of(
                        "cpu_usage_rate_pct",
                        "memory_usage_rate_pct",
                        "network_receive_bytes",
                        "pod_server_latency_p90_s"),
                kpis.fields());
        assertEquals(TimeValue.timeValueMinutes(2), kpis.lookBack());
    }

    public void testJoinFieldsParse() throws Exception {
        SpanInput input =
                InputTestSupport.parse(
                        "{\"logs\": {\"indices\": \"app-logs-*\", \"time_field\": \"ts\", \"trace_id_field\": \"trace.id\","
                                + " \"span_id_field\": \"span.id\", \"template_field\": \"log_template.template\", \"lag\": \"30s\"},"
                                + " \"kpis\": {\"indices\": [\"pod-metrics\"], \"time_field\": \"ts\", \"instance_field\": \"k8s.pod\","
                                + " \"fields\": [\"cpu\", \"mem\"], \"look_back\": \"5m\"}}",
                        SpanInput::parse);
        assertEquals(
                new SpanLogSource(
                        List.of("app-logs-*"),
                        "ts",
                        "trace.id",
                        "span.id",
                        "log_template.template",
                        TimeValue.timeValueSeconds(30)),
                input.logs());
        assertEquals(
                new PodKpiSource(
                        List.of("pod-metrics"),
                        "ts",
                        "k8s.pod",
                        List.of("cpu", "mem"),
                        TimeValue.timeValueMinutes(5)),
                input.kpis());
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
        for (SpanInput input : List.of(SpanInput.defaults(), withFilter(), withJoins())) {
            assertEquals(
                    input,
                    InputTestSupport.parse(InputTestSupport.toJson(input), SpanInput::parse));
        }
    }

    public void testStreamRoundTrip() throws Exception {
        for (SpanInput input : List.of(SpanInput.defaults(), withFilter(), withJoins())) {
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

    public void testJoinErrorsNameTheField() {
        assertError("{\"logs\": true}", "[source.logs] must be an object, got boolean [true]");
        assertError(
                "{\"logs\": {\"indices\": []}}",
                "[source.logs.indices] must name at least one index or pattern");
        assertError(
                "{\"logs\": {\"span_id_field\": \"\"}}",
                "[source.logs.span_id_field] must be a non-empty string");
        assertError(
                "{\"logs\": {\"lag\": \"2h\"}}", "[source.logs.lag] must be between 0ms and 1h");
        assertError(
                "{\"logs\": {\"template\": \"x\"}}",
                "unknown field [source.logs.template]; allowed fields are [indices, lag,");
        assertError(
                "{\"kpis\": {\"fields\": [\"cpu\", 2]}}",
                "[source.kpis.fields][1] must be a non-empty string, got number [2]");
        assertError(
                "{\"kpis\": {\"fields\": []}}",
                "[source.kpis.fields] must name between 1 and 32 numeric fields, got 0");
        assertError(
                "{\"kpis\": {\"fields\": [\"cpu\", \"cpu\"]}}",
                "[source.kpis.fields] names a field twice: [cpu, cpu]");
        assertError(
                "{\"kpis\": {\"indices\": []}}",
                "[source.kpis.indices] must name at least one index or pattern");
        assertError(
                "{\"kpis\": {\"instance_field\": 1}}",
                "[source.kpis.instance_field] must be a string, got number [1]");
        assertError(
                "{\"kpis\": {\"look_back\": \"0s\"}}",
                "[source.kpis.look_back] must be between 1s and 1h, got [0s]");
    }

    private static SpanInput withJoins() {
        SpanInput d = SpanInput.defaults();
        return new SpanInput(
                d.indices(),
                d.timeField(),
                d.instanceTags(),
                d.tags(),
                d.codeContextField(),
                d.parentMargin(),
                null,
                new SpanLogSource(
                        List.of("logs-a", "logs-b"),
                        "ts",
                        "trace",
                        "span",
                        "tpl",
                        TimeValue.timeValueSeconds(5)),
                new PodKpiSource(
                        List.of("metrics"),
                        "ts",
                        "pod",
                        List.of("cpu", "latency"),
                        TimeValue.timeValueMinutes(3)));
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
                        .filter(QueryBuilders.termQuery("process.serviceName", "frontend")),
                null,
                null);
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
