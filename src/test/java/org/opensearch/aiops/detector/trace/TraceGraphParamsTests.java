/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import org.opensearch.aiops.detector.DetectorFixtures;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.OpenSearchTestCase;

public class TraceGraphParamsTests extends OpenSearchTestCase {

    private static TraceGraphParams parse(String json) throws Exception {
        try (XContentParser parser = DetectorFixtures.parser(json)) {
            return TraceGraphParams.parse(parser);
        }
    }

    public void testEmptyObjectIsTheDefaults() throws Exception {
        assertEquals(TraceGraphParams.DEFAULTS, parse("{}"));
    }

    public void testEveryFieldParsesAndRoundTrips() throws Exception {
        TraceGraphParams params =
                parse(
                        "{\"epochs\":5,\"patience\":2,\"batch\":100,\"learning_rate\":0.01,\"memory\":16,"
                                + "\"embedding\":8,\"alpha\":0.5,\"beta\":0.5,\"theta\":0.1,\"validation\":0.3,"
                                + "\"max_training_events\":5000,\"seed\":3,\"late_span_wait\":\"5s\"}");
        assertEquals(5, params.epochs());
        assertEquals(TimeValue.timeValueSeconds(5), params.lateSpanWait());
        BytesStreamOutput out = new BytesStreamOutput();
        params.writeTo(out);
        assertEquals(params, new TraceGraphParams(out.bytes().streamInput()));
        String json =
                BytesReference.bytes(
                                params.toXContent(
                                        XContentFactory.jsonBuilder(), ToXContent.EMPTY_PARAMS))
                        .utf8ToString();
        assertEquals(params, parse(json));
    }

    public void testErrorsNameTheField() {
        assertMessage("{\"embedding\":7}", "[params.embedding] must be even");
        assertMessage("{\"batch\":1}", "[params.batch] must be an integer in [10, 2000]");
        assertMessage("{\"beta\":0}", "[params.beta] must be in (0, 1]");
        assertMessage("{\"late_span_wait\":\"2h\"}", "[params.late_span_wait]");
        assertMessage("{\"nope\":1}", "nope");
    }

    private static void assertMessage(String json, String part) {
        IllegalArgumentException e =
                expectThrows(IllegalArgumentException.class, () -> parse(json));
        assertTrue(e.getMessage(), e.getMessage().contains(part));
    }
}
