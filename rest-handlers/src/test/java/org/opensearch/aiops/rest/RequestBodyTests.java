/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.util.Map;
import java.util.Set;

import org.opensearch.OpenSearchParseException;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.common.bytes.BytesArray;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.rest.RestRequest;
import org.opensearch.test.OpenSearchTestCase;
import org.opensearch.test.rest.FakeRestRequest;

public class RequestBodyTests extends OpenSearchTestCase {

    private static RestRequest post(String json) {
        FakeRestRequest.Builder builder =
                new FakeRestRequest.Builder(NamedXContentRegistry.EMPTY)
                        .withMethod(RestRequest.Method.POST);
        if (json != null) {
            builder.withContent(new BytesArray(json), XContentType.JSON);
        }
        return builder.build();
    }

    public void testReadsAllowedFields() throws Exception {
        Map<String, Object> body =
                RequestBody.object(post("{\"texts\":[\"a\",\"b\"]}"), Set.of("texts"));
        assertEquals(java.util.List.of("a", "b"), RequestBody.stringList(body, "texts"));
    }

    public void testMissingBodyNamesTheFields() {
        OpenSearchParseException e =
                expectThrows(
                        OpenSearchParseException.class,
                        () -> RequestBody.object(post(null), Set.of("texts")));
        assertTrue(e.getMessage(), e.getMessage().contains("texts"));
    }

    public void testUnknownFieldIsNamed() {
        OpenSearchParseException e =
                expectThrows(
                        OpenSearchParseException.class,
                        () ->
                                RequestBody.object(
                                        post("{\"texts\":[],\"txt\":1}"), Set.of("texts")));
        assertTrue(e.getMessage(), e.getMessage().contains("[txt]"));
    }

    public void testWrongTypesAreNamed() throws Exception {
        Map<String, Object> notArray =
                RequestBody.object(post("{\"texts\":\"a\"}"), Set.of("texts"));
        OpenSearchParseException e =
                expectThrows(
                        OpenSearchParseException.class,
                        () -> RequestBody.stringList(notArray, "texts"));
        assertTrue(e.getMessage(), e.getMessage().contains("[texts] must be an array of strings"));

        Map<String, Object> notString =
                RequestBody.object(post("{\"texts\":[\"a\",3]}"), Set.of("texts"));
        e =
                expectThrows(
                        OpenSearchParseException.class,
                        () -> RequestBody.stringList(notString, "texts"));
        assertTrue(e.getMessage(), e.getMessage().contains("[texts][1] must be a string"));
    }

    public void testNonObjectBodyIsRejected() {
        OpenSearchParseException e =
                expectThrows(
                        OpenSearchParseException.class,
                        () -> RequestBody.object(post("[1,2]"), Set.of("texts")));
        assertTrue(e.getMessage(), e.getMessage().contains("JSON object"));
    }

    public void testOptionalValuesTakeFallbacksAndNameWrongTypes() throws Exception {
        Map<String, Object> body =
                RequestBody.object(
                        post("{\"name\":\"a\",\"variance\":\"high\",\"config\":[1]}"),
                        Set.of("name", "variance", "config", "size"));
        assertEquals("a", RequestBody.optionalString(body, "name", "x"));
        assertEquals(7, RequestBody.optionalNumber(body, "size", 7).intValue());
        OpenSearchParseException e =
                expectThrows(
                        OpenSearchParseException.class,
                        () -> RequestBody.optionalNumber(body, "variance", 0.95));
        assertTrue(e.getMessage(), e.getMessage().contains("[variance] must be a number"));
        e =
                expectThrows(
                        OpenSearchParseException.class,
                        () -> RequestBody.optionalObject(body, "config"));
        assertTrue(e.getMessage(), e.getMessage().contains("[config] must be an object"));
        e =
                expectThrows(
                        OpenSearchParseException.class,
                        () -> RequestBody.optionalString(body, "config", null));
        assertTrue(e.getMessage(), e.getMessage().contains("[config] must be a string"));
    }
}
