/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.OpenSearchException;
import org.opensearch.aiops.template.store.TemplateService;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.RandomDocumentPicks;
import org.opensearch.test.OpenSearchTestCase;

public class LogTemplateProcessorTests extends OpenSearchTestCase {

    private final TemplateService service = new TemplateService(System::currentTimeMillis, 100_000);
    private final LogTemplateProcessorFactory factory =
            new LogTemplateProcessorFactory(() -> service);

    private LogTemplateProcessor processor(Map<String, Object> options) {
        return factory.create(Map.of(), "tag", null, new HashMap<>(options));
    }

    private static IngestDocument document(Map<String, Object> source) {
        return RandomDocumentPicks.randomIngestDocument(random(), new HashMap<>(source));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> output(IngestDocument document, String field) {
        return (Map<String, Object>) document.getFieldValue(field, Object.class);
    }

    public void testWritesIdTemplateParametersAndChange() throws Exception {
        LogTemplateProcessor processor = processor(Map.of());
        IngestDocument first =
                processor.execute(
                        document(Map.of("message", "Connection from 10.1.2.3 port 4711 closed")));
        Map<String, Object> result = output(first, "log_template");
        assertEquals("created", result.get("change"));
        assertEquals("default", result.get("namespace"));
        assertTrue(
                result.get("template").toString(),
                result.get("template").toString().startsWith("Connection from"));
        assertTrue(((List<?>) result.get("parameters")).contains("10.1.2.3"));

        IngestDocument second =
                processor.execute(
                        document(Map.of("message", "Connection from 10.9.9.9 port 80 closed")));
        assertEquals(result.get("id"), output(second, "log_template").get("id"));
    }

    public void testNamespaceFromDocumentFieldKeepsStateApart() throws Exception {
        LogTemplateProcessor processor =
                processor(Map.of("namespace", "service", "target_field", "tpl"));
        IngestDocument a =
                processor.execute(
                        document(Map.of("message", "started worker 1", "service", "api")));
        IngestDocument b =
                processor.execute(document(Map.of("message", "started worker 1", "service", "db")));
        assertEquals("api", output(a, "tpl").get("namespace"));
        assertEquals("db", output(b, "tpl").get("namespace"));
        assertEquals("created", output(b, "tpl").get("change"));
        assertNotEquals(output(a, "tpl").get("id"), output(b, "tpl").get("id"));
    }

    public void testMissingFieldFailsUnlessIgnored() throws Exception {
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class,
                        () -> processor(Map.of()).execute(document(Map.of("other", "x"))));
        assertTrue(e.getMessage(), e.getMessage().contains("[message]"));
        IngestDocument untouched =
                processor(Map.of("ignore_missing", true)).execute(document(Map.of("other", "x")));
        assertFalse(untouched.hasField("log_template"));
    }

    public void testNonStringValuesAreRejectedWithTheirType() {
        for (Object value : List.of(42, List.of("a", "b"), Map.of("k", "v"), true)) {
            IllegalArgumentException e =
                    expectThrows(
                            IllegalArgumentException.class,
                            () -> processor(Map.of()).execute(document(Map.of("message", value))));
            assertTrue(
                    e.getMessage(),
                    e.getMessage().contains("[message]")
                            && e.getMessage().contains("must be a string"));
        }
    }

    public void testEmptyHugeUnicodeAndControlCharactersAreParsed() throws Exception {
        LogTemplateProcessor processor = processor(Map.of());
        String huge = "x=1 ".repeat(262_144); // 1 MB
        for (String line :
                List.of("", "   ", huge, "用户 登录 成功 ✓ 42", "tab\there\u0000nul\u0007bell\r\n")) {
            IngestDocument document = processor.execute(document(Map.of("message", line)));
            assertNotNull(output(document, "log_template").get("id"));
        }
    }

    public void testBadOptionsNameTheOption() {
        OpenSearchException e =
                expectThrows(
                        OpenSearchException.class,
                        () -> processor(Map.of("similarity_threshold", 3)));
        assertTrue(e.getMessage(), e.getMessage().contains("similarity_threshold"));
        e =
                expectThrows(
                        OpenSearchException.class,
                        () ->
                                processor(
                                        Map.of(
                                                "masking",
                                                List.of(Map.of("regex", "(", "mask", "<X>")))));
        assertTrue(e.getMessage(), e.getMessage().contains("masking"));
        e = expectThrows(OpenSearchException.class, () -> processor(Map.of("field", List.of("a"))));
        assertTrue(e.getMessage(), e.getMessage().contains("field"));
    }

    public void testParametersCanBeTurnedOff() throws Exception {
        IngestDocument document =
                processor(Map.of("extract_parameters", false))
                        .execute(document(Map.of("message", "took 15 ms")));
        assertFalse(output(document, "log_template").containsKey("parameters"));
    }

    /**
     * Two pipelines on one namespace: each parses with its own threshold (the second one's used to
     * be ignored).
     */
    public void testProcessorsSharingANamespaceKeepTheirOwnOptions() throws Exception {
        LogTemplateProcessor lenient = processor(Map.of("namespace", "shared"));
        LogTemplateProcessor strict =
                processor(Map.of("namespace", "shared", "similarity_threshold", 0.95));
        String id =
                (String)
                        output(
                                        lenient.execute(
                                                document(
                                                        Map.of(
                                                                "message",
                                                                "session opened for user u-1 from web"))),
                                        "log_template")
                                .get("id");
        Map<String, Object> known =
                output(
                        strict.execute(
                                document(
                                        Map.of("message", "session opened for user u-2 from web"))),
                        "log_template");
        assertEquals(id, known.get("id"));
        Map<String, Object> apart =
                output(
                        strict.execute(
                                document(
                                        Map.of(
                                                "message",
                                                "session opened for user u-3 k-1 node-7"))),
                        "log_template");
        assertEquals("created", apart.get("change"));
        Map<String, Object> joined =
                output(
                        lenient.execute(
                                document(
                                        Map.of(
                                                "message",
                                                "session opened for user u-4 k-2 node-8"))),
                        "log_template");
        assertEquals("updated", joined.get("change"));
        assertEquals(id, joined.get("id"));
    }
}
