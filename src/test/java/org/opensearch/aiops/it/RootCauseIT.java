/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;

import org.junit.AfterClass;
import org.junit.Test;

/**
 * {@code _root_cause} on a real node: its errors name what is wrong. The ranking itself is tested
 * on a test-framework node (RootCauseSingleNodeTests), where a type over spans can be registered.
 */
public class RootCauseIT extends AiopsRestTestCase {

    private static final String OWNER = "it-rootcause";
    private static final String DETECTORS = "/_plugins/_aiops/detectors";

    @AfterClass
    public static void cleanUp() throws Exception {
        deleteOwned(OWNER);
    }

    @Test
    public void testErrorsNameTheDetectorTypeAndParameter() throws Exception {
        String index = owned(OWNER, "metrics");
        call(
                "PUT",
                "/" + index,
                "{\"settings\":{\"number_of_replicas\":0},\"mappings\":{\"properties\":{"
                        + "\"@timestamp\":{\"type\":\"date\"},\"host\":{\"type\":\"keyword\"},"
                        + "\"cpu\":{\"type\":\"double\"}}}}");
        String id =
                (String)
                        call(
                                        "POST",
                                        DETECTORS,
                                        "{\"name\":\"cpu\",\"type\":\"metric_knn\",\"source\":{\"indices\":[\""
                                                + index
                                                + "\"],\"time_field\":\"@timestamp\",\"fields\":[\"cpu\"],"
                                                + "\"entity_fields\":[\"host\"]},"
                                                + "\"training\":{\"from\":1,\"to\":2}}")
                                .get("_id");
        try {
            String rootCause = DETECTORS + "/" + id + "/results/_root_cause";
            assertClientError(failing("GET", rootCause, null), "[metric_knn]");
            assertEquals(400, failing("GET", rootCause, null).getStatusLine().getStatusCode());
            assertClientError(failing("GET", rootCause + "?from=yesterday", null), "[from]");
            assertClientError(failing("GET", rootCause + "?to=soon", null), "[to]");
            assertClientError(
                    failing("GET", rootCause + "?from=2026-01-02&to=2026-01-01", null), "[from]");
            assertClientError(failing("GET", rootCause + "?size=0", null), "[size]");
            assertEquals(
                    404,
                    failing("GET", DETECTORS + "/nope/results/_root_cause", null)
                            .getStatusLine()
                            .getStatusCode());
        } finally {
            call("DELETE", DETECTORS + "/" + id, null);
        }
    }
}
