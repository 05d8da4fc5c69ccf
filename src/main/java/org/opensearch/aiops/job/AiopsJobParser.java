/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.job;

import java.io.IOException;
import java.time.Instant;

import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.core.xcontent.XContentParserUtils;
import org.opensearch.jobscheduler.spi.JobDocVersion;
import org.opensearch.jobscheduler.spi.ScheduledJobParameter;
import org.opensearch.jobscheduler.spi.ScheduledJobParser;
import org.opensearch.jobscheduler.spi.schedule.Schedule;
import org.opensearch.jobscheduler.spi.schedule.ScheduleParser;

/**
 * Reads job documents of {@code .plugins-aiops-jobs} for Job Scheduler; unknown fields are an error
 * naming the field.
 */
public final class AiopsJobParser implements ScheduledJobParser {

    @Override
    public ScheduledJobParameter parse(XContentParser parser, String id, JobDocVersion version)
            throws IOException {
        return parse(parser);
    }

    public static AiopsJobParameter parse(XContentParser parser) throws IOException {
        String name = null;
        String kind = null;
        String targetId = null;
        Schedule schedule = null;
        boolean enabled = false;
        Instant enabledTime = null;
        Instant lastUpdateTime = null;
        Long lockDurationSeconds = null;
        if (parser.currentToken() == null) {
            parser.nextToken();
        }
        XContentParserUtils.ensureExpectedToken(
                XContentParser.Token.START_OBJECT, parser.currentToken(), parser);
        while (parser.nextToken() != XContentParser.Token.END_OBJECT) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case AiopsJobParameter.NAME -> name = parser.text();
                case AiopsJobParameter.KIND -> kind = parser.text();
                case AiopsJobParameter.TARGET_ID -> targetId = parser.text();
                case AiopsJobParameter.SCHEDULE -> schedule = ScheduleParser.parse(parser);
                case AiopsJobParameter.ENABLED -> enabled = parser.booleanValue();
                case AiopsJobParameter.ENABLED_TIME ->
                        enabledTime = Instant.ofEpochMilli(parser.longValue());
                case AiopsJobParameter.LAST_UPDATE_TIME ->
                        lastUpdateTime = Instant.ofEpochMilli(parser.longValue());
                case AiopsJobParameter.LOCK_DURATION_SECONDS ->
                        lockDurationSeconds = parser.longValue();
                default ->
                        throw new IllegalArgumentException(
                                "unknown field [" + field + "] in aiops job document");
            }
        }
        for (var required :
                new Object[][] {
                    {name, AiopsJobParameter.NAME},
                    {kind, AiopsJobParameter.KIND},
                    {schedule, AiopsJobParameter.SCHEDULE},
                    {lastUpdateTime, AiopsJobParameter.LAST_UPDATE_TIME}
                }) {
            if (required[0] == null) {
                throw new IllegalArgumentException(
                        "aiops job document is missing [" + required[1] + "]");
            }
        }
        return new AiopsJobParameter(
                name,
                kind,
                targetId,
                schedule,
                enabled,
                enabledTime,
                lastUpdateTime,
                lockDurationSeconds);
    }
}
