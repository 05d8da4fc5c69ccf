/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

/**
 * {@code ./aiops import nezha} against the real node: one time slice of 2023-01-29, imported twice.
 */
public class NezhaImportIT extends AiopsRestTestCase {

    private static final Path DATA = NezhaImports.DATA;
    private static final String DAY = "2023-01-29";

    @Test
    public void testImportIsCompleteAndIdempotent() throws Exception {
        assertTrue(
                "the Nezha TrainTicket data must be at "
                        + DATA
                        + " (../shared/datasets relative to the project)",
                Files.isDirectory(DATA));

        importOnce();
        long spans = count("jaeger-span-" + DAY, null);
        long logs = count("nezha-logs", null);
        long metrics = count("nezha-metrics", null);
        long faults = count("nezha-faults", null);
        assertTrue("spans: " + spans, spans > 0);
        assertTrue("logs: " + logs, logs > 0);
        assertTrue("metrics: " + metrics, metrics > 0);
        assertEquals(faultsInList(), faults);

        long withCode =
                count(
                        "jaeger-span-" + DAY,
                        "{\"query\":{\"nested\":{\"path\":\"tags\",\"query\":{\"term\":{\"tags.key\":\"code.namespace\"}}}}}");
        assertTrue(
                "some spans carry code.* tags from their log lines: " + withCode,
                withCode > 0 && withCode < spans);
        assertEquals(
                "every log line went through log_template",
                logs,
                count("nezha-logs", "{\"query\":{\"exists\":{\"field\":\"log_template.id\"}}}"));
        Map<String, Object> span =
                call(
                        "GET",
                        "/jaeger-span-" + DAY + "/_search?size=1",
                        "{\"query\":{\"bool\":{\"must_not\":"
                                + "{\"nested\":{\"path\":\"references\",\"query\":{\"exists\":{\"field\":\"references.spanID\"}}}}}}}");
        String service = path(span, "hits.hits.0._source.process.serviceName");
        assertTrue(
                "a root span's service is its pod without the last two parts: " + service,
                service.startsWith("ts-") && service.endsWith("-service"));

        importOnce();
        assertEquals(spans, count("jaeger-span-" + DAY, null));
        assertEquals(logs, count("nezha-logs", null));
        assertEquals(metrics, count("nezha-metrics", null));
        assertEquals(faults, count("nezha-faults", null));
    }

    private static void importOnce() {
        NezhaImports.importDay(DAY, 1);
    }

    private static long count(String index, String query) throws Exception {
        return ((Number)
                        call(query == null ? "GET" : "POST", "/" + index + "/_count", query)
                                .get("count"))
                .longValue();
    }

    private static long faultsInList() throws Exception {
        String json =
                Files.readString(
                        DATA.resolve("rca_data").resolve(DAY).resolve(DAY + "-fault_list.json"));
        return XContentHelper.convertToMap(JsonXContent.jsonXContent, json, false).values().stream()
                .mapToLong(hour -> ((List<?>) hour).size())
                .sum();
    }
}
