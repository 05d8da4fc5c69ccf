/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.util.List;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class PodMetricRowTests extends OpenSearchTestCase {

    private static final CsvHeader HEADER =
            new CsvHeader(
                    "pod_metric.csv",
                    List.of(
                            "Time",
                            "TimeStamp",
                            "PodName",
                            "CpuUsageRate(%)",
                            "PodClientLatencyP90(s)",
                            "NodeNetworkReceiveBytes"));

    public void testFieldNames() {
        assertEquals("cpu_usage_rate_pct", PodMetricRow.fieldName("CpuUsageRate(%)"));
        assertEquals("memory_usage_mi", PodMetricRow.fieldName("MemoryUsage(Mi)"));
        assertEquals("pod_client_latency_p90_s", PodMetricRow.fieldName("PodClientLatencyP90(s)"));
        assertEquals("pod_workload_ops", PodMetricRow.fieldName("PodWorkload(Ops)"));
        assertEquals(
                "node_network_receive_bytes", PodMetricRow.fieldName("NodeNetworkReceiveBytes"));
    }

    public void testDocumentAndId() {
        List<String> row =
                List.of(
                        "2023-01-29 08:41:09.1 +0000 UTC m=+0.18",
                        "1674981669",
                        "ts-admin-order-service-84cbf6c798-7njv6",
                        "0.62",
                        "",
                        "1404.5");
        Map<String, Object> doc = PodMetricRow.document(HEADER, row);
        assertEquals("2023-01-29T08:41:09Z", doc.get("@timestamp"));
        assertEquals("ts-admin-order-service", doc.get("service"));
        assertEquals(0.62, doc.get("cpu_usage_rate_pct"));
        assertFalse("blank KPI is left out", doc.containsKey("pod_client_latency_p90_s"));
        assertEquals(1404.5, doc.get("node_network_receive_bytes"));
        assertEquals(
                "ts-admin-order-service-84cbf6c798-7njv6-1674981669", PodMetricRow.id(HEADER, row));
    }

    public void testBadNumberNamesColumn() {
        List<String> row = List.of("t", "1674981669", "ts-a-service-1-2", "high", "0", "0");
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class, () -> PodMetricRow.document(HEADER, row));
        assertTrue(e.getMessage(), e.getMessage().contains("[CpuUsageRate(%)]"));
    }
}
