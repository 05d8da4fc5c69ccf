/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.job;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.jobscheduler.spi.schedule.IntervalSchedule;
import org.opensearch.test.OpenSearchTestCase;

public class AiopsJobParserTests extends OpenSearchTestCase {

    static AiopsJobParameter randomJob() {
        Instant now =
                Instant.ofEpochMilli(randomLongBetween(1_600_000_000_000L, 1_900_000_000_000L));
        return new AiopsJobParameter(
                randomAlphaOfLength(8),
                randomFrom("detector_realtime", "detector_training"),
                randomBoolean() ? null : randomAlphaOfLength(12),
                new IntervalSchedule(now, randomIntBetween(1, 60), ChronoUnit.MINUTES),
                randomBoolean(),
                randomBoolean() ? null : now,
                now.plusSeconds(5),
                randomBoolean() ? null : randomLongBetween(10, 600));
    }

    public void testRoundTrip() throws Exception {
        AiopsJobParameter job = randomJob();
        String json =
                job.toXContent(JsonXContent.contentBuilder(), ToXContent.EMPTY_PARAMS).toString();
        try (XContentParser parser = createParser(JsonXContent.jsonXContent, json)) {
            assertEquals(job, AiopsJobParser.parse(parser));
        }
    }

    public void testUnknownFieldIsNamed() throws Exception {
        String json = "{\"name\":\"a\",\"kind\":\"k\",\"bogus\":1}";
        try (XContentParser parser = createParser(JsonXContent.jsonXContent, json)) {
            IllegalArgumentException e =
                    expectThrows(
                            IllegalArgumentException.class, () -> AiopsJobParser.parse(parser));
            assertTrue(e.getMessage(), e.getMessage().contains("[bogus]"));
        }
    }

    public void testMissingScheduleIsNamed() throws Exception {
        String json = "{\"name\":\"a\",\"kind\":\"k\",\"last_update_time\":1}";
        try (XContentParser parser = createParser(JsonXContent.jsonXContent, json)) {
            IllegalArgumentException e =
                    expectThrows(
                            IllegalArgumentException.class, () -> AiopsJobParser.parse(parser));
            assertTrue(e.getMessage(), e.getMessage().contains("[schedule]"));
        }
    }
}
