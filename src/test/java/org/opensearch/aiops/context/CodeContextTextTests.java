/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.util.List;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class CodeContextTextTests extends OpenSearchTestCase {

    private final CodeContextText texts = new CodeContextText("code.parameters", "code.return");

    private static Map<String, Object> tag(String key, Object value) {
        return Map.of("key", key, "type", "string", "value", value);
    }

    public void testOpenTelemetryCodeTags() {
        Map<String, Object> span =
                Map.of(
                        "operationName",
                        "POST /api/v1/orders",
                        "tags",
                        List.of(
                                tag("code.namespace", "ts.OrderController"),
                                tag("code.function", "createOrder"),
                                tag("code.parameters", "OrderRequest"),
                                tag("code.return", "Response<Order>")));
        CodeContextText.CodeContext context = texts.of(span);
        assertEquals(
                "ts.OrderController.createOrder(OrderRequest) returns Response<Order>",
                context.text());
        assertEquals(CodeContextText.Source.TAGS, context.source());
        assertEquals(16, context.hash().length());
    }

    public void testTagsAsFieldsWithDotReplacement() {
        Map<String, Object> span =
                Map.of(
                        "tag",
                        Map.of(
                                "code@namespace",
                                "PaymentService",
                                "code@function",
                                "refund",
                                "code@parameters",
                                "Long"));
        assertEquals("PaymentService.refund(Long)", texts.of(span).text());
    }

    public void testVaryingReturnValuesAreMaskedToOneText() {
        String a =
                texts.of(
                                Map.of(
                                        "tags",
                                        List.of(
                                                tag("code.function", "getOrder"),
                                                tag(
                                                        "code.return",
                                                        "Order{id=4711, created=2023-01-29 10:11:12}"))))
                        .text();
        String b =
                texts.of(
                                Map.of(
                                        "tags",
                                        List.of(
                                                tag("code.function", "getOrder"),
                                                tag(
                                                        "code.return",
                                                        "Order{id=42, created=2023-01-30 08:00:01}"))))
                        .text();
        assertEquals(a, b);
        assertFalse(a, a.contains("4711"));
    }

    public void testLogEventsThenOperationNameAreFallbacks() {
        Map<String, Object> fromLogs =
                Map.of(
                        "operationName",
                        "ignored",
                        "logs",
                        List.of(
                                Map.of("timestamp", 1, "fields", List.of(tag("event", "x"))),
                                Map.of(
                                        "fields",
                                        List.of(
                                                tag("code.namespace", "TravelServiceImpl"),
                                                tag("code.function", "getRouteByRouteId")))));
        CodeContextText.CodeContext logs = texts.of(fromLogs);
        assertEquals("TravelServiceImpl.getRouteByRouteId()", logs.text());
        assertEquals(CodeContextText.Source.LOGS, logs.source());

        CodeContextText.CodeContext operation =
                texts.of(Map.of("operationName", "FilteringWebHandler.handle"));
        assertEquals("FilteringWebHandler.handle", operation.text());
        assertEquals(CodeContextText.Source.OPERATION, operation.source());
    }

    public void testMalformedTagsAreSkipped() {
        Map<String, Object> span =
                Map.of(
                        "operationName", "Fallback.op",
                        "tags",
                                List.of(
                                        "not-an-object",
                                        Map.of("value", "no key"),
                                        Map.of("key", "code.function"),
                                        42),
                        "logs", "not-a-list");
        assertEquals("Fallback.op", texts.of(span).text());
    }

    public void testNoContextAtAllNamesWhatIsMissing() {
        for (Map<String, Object> span :
                List.<Map<String, Object>>of(
                        Map.of(), Map.of("operationName", "  "), Map.of("operationName", 7))) {
            IllegalArgumentException e =
                    expectThrows(IllegalArgumentException.class, () -> texts.of(span));
            assertTrue(
                    e.getMessage(),
                    e.getMessage().contains("[operationName]")
                            && e.getMessage().contains("[code.function]"));
        }
    }

    public void testHugeValuesAreBounded() {
        String huge = "x".repeat(1_000_000);
        CodeContextText.CodeContext context =
                texts.of(
                        Map.of(
                                "tags",
                                List.of(tag("code.function", "f"), tag("code.return", huge))));
        assertTrue(context.text().length() <= CodeContextText.MAX_CHARS);
    }

    /**
     * The shortcut must not change what the masks do: texts it skips are ones no default mask
     * touches.
     */
    public void testShortcutSkipsOnlyTextsWithoutMaskableValues() {
        for (String text :
                List.of(
                        "OrderController.getOrder(String) returns Response<Order>",
                        "FilteringWebHandler.handle",
                        "a.b.c(D, E)")) {
            assertFalse(CodeContextText.mayHoldMaskedValue(text));
        }
        for (String text :
                List.of(
                        "id=42",
                        "/api/orders",
                        "a@b.example",
                        "fe80::1",
                        "123e4567-e89b-12d3-a456-426614174000",
                        "at 10:11:12")) {
            assertTrue(text, CodeContextText.mayHoldMaskedValue(text));
            assertNotEquals(text, CodeContextText.mask(text));
        }
    }
}
