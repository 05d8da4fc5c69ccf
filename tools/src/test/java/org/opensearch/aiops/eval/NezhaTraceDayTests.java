/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.CallEvents;
import org.opensearch.aiops.detector.input.SpanInput;
import org.opensearch.aiops.importer.InjectedFault;
import org.opensearch.test.OpenSearchTestCase;

public class NezhaTraceDayTests extends OpenSearchTestCase {

    private static final String TRACE_HEADER =
            "TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,EndTimeUnixNano,Duration\n";
    private static final String GW = "ts-gateway-service-6f6cfc45b-h5m2n";
    private static final String ORDER = "ts-order-service-5b67c48447-mv5hb";
    // 2023-01-29T08:42:48Z
    private static final long T0 = 1674981768_000_000_000L;

    private static void gzip(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Path day() throws IOException {
        Path dir = createTempDir().resolve("2023-01-29");
        String root = "t1,s1,root," + GW + ",/*," + T0 + "," + (T0 + 9_000_000) + ",9000\n";
        String call =
                "t1,s2,s1,"
                        + ORDER
                        + ",/api/v1/orderservice/order,"
                        + (T0 + 1_000_000)
                        + ","
                        + (T0 + 5_000_000)
                        + ",4000\n";
        gzip(dir.resolve("trace/08_43_trace.csv.gz"), TRACE_HEADER + root + call);
        // the next file overlaps: the same call again, first read kept
        gzip(dir.resolve("trace/08_44_trace.csv.gz"), TRACE_HEADER + call);
        String log =
                "Timestamp,TimeUnixNano,Node,PodName,Container,TraceID,SpanID,Log\n"
                        + "2023-01-29T08:42:48.002Z,0,n1,"
                        + ORDER
                        + ",server,t1,s2,"
                        + "\"{\"\"log\"\":\"\"16:42:48.002 INFO  o.s.OrderServiceImpl#88 TraceID: t1"
                        + " SpanID: s2 [create][Order created]\\n\"\"}\"\n";
        gzip(dir.resolve("log/08_43_log.csv.gz"), log);
        gzip(
                dir.resolve("metric/" + ORDER + "_metric.csv.gz"),
                "Time,TimeStamp,PodName,CpuUsageRate(%),MemoryUsageRate(%),NetworkReceiveBytes,"
                        + "PodServerLatencyP90(s)\n"
                        + "x,1674981729,"
                        + ORDER
                        + ",12.5,30,1000,0.02\n"
                        + "x,1674981789,"
                        + ORDER
                        + ",,30,1000,0.02\n");
        Files.writeString(
                dir.resolve("2023-01-29-fault_list.json"),
                "{\"08\":[{\"inject_time\":\"2023-01-29 08:43:04\",\"inject_pod\":\""
                        + ORDER
                        + "\",\"inject_type\":\"return\"}]}");
        return dir;
    }

    public void testReadsSpansOnceLogsKpisAndFaults() throws Exception {
        NezhaTraceDay day = NezhaTraceDay.read(day());
        assertEquals(2, day.spans().size());
        assertEquals(1, day.duplicateSpans());
        assertEquals(1, day.logs().size());
        assertEquals(1, day.kpis().samples()); // the row with an empty CPU is left out
        assertEquals(1, day.droppedKpiRows());
        assertArrayEquals(
                new float[] {12.5f, 30, 1000, 0.02f},
                day.kpis().of(ORDER, Instant.parse("2023-01-29T08:42:48Z").toEpochMilli()),
                0);
        assertEquals(
                List.of(
                        new InjectedFault(
                                "2023-01-29",
                                0,
                                Instant.parse("2023-01-29T08:43:04Z"),
                                ORDER,
                                "return")),
                day.faults());
    }

    public void testJaegerDocumentsMakeOneCallEventWithTheLoggedCodeContext() throws Exception {
        NezhaTraceDay day = NezhaTraceDay.read(day());
        List<Map<String, Object>> docs = new ArrayList<>();
        day.jaegerDocuments().forEach(docs::add);
        assertEquals(2, docs.size());
        CallEvents.Result result = CallEvents.of(docs, SpanInput.defaults(), Long.MIN_VALUE);
        assertEquals(1, result.events().size());
        CallEvent e = result.events().get(0);
        assertEquals(GW, e.sourceInstance());
        assertEquals(ORDER, e.destinationInstance());
        assertEquals("s2", e.spanId());
        assertTrue(
                docs.get(1).get("tags").toString(),
                docs.get(1).get("tags").toString().contains("o.s.OrderServiceImpl"));
    }
}
