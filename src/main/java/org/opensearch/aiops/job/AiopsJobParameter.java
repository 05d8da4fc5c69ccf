/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.job;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.jobscheduler.spi.ScheduledJobParameter;
import org.opensearch.jobscheduler.spi.schedule.Schedule;

/**
 * A scheduled job of this plugin as Job Scheduler sees it: {@code kind} says which task runs (for
 * example real-time scoring of a detector) and {@code target_id} on what.
 */
public final class AiopsJobParameter implements ScheduledJobParameter {

    public static final String NAME = "name";
    public static final String KIND = "kind";
    public static final String TARGET_ID = "target_id";
    public static final String SCHEDULE = "schedule";
    public static final String ENABLED = "enabled";
    public static final String ENABLED_TIME = "enabled_time";
    public static final String LAST_UPDATE_TIME = "last_update_time";
    public static final String LOCK_DURATION_SECONDS = "lock_duration_seconds";

    private final String name;
    private final String kind;
    private final String targetId;
    private final Schedule schedule;
    private final boolean enabled;
    private final Instant enabledTime;
    private final Instant lastUpdateTime;
    private final Long lockDurationSeconds;

    public AiopsJobParameter(
            String name,
            String kind,
            String targetId,
            Schedule schedule,
            boolean enabled,
            Instant enabledTime,
            Instant lastUpdateTime,
            Long lockDurationSeconds) {
        this.name = Objects.requireNonNull(name, NAME);
        this.kind = Objects.requireNonNull(kind, KIND);
        this.targetId = targetId;
        this.schedule = Objects.requireNonNull(schedule, SCHEDULE);
        this.enabled = enabled;
        this.enabledTime = enabledTime;
        this.lastUpdateTime = Objects.requireNonNull(lastUpdateTime, LAST_UPDATE_TIME);
        this.lockDurationSeconds = lockDurationSeconds;
    }

    @Override
    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public String getTargetId() {
        return targetId;
    }

    @Override
    public Schedule getSchedule() {
        return schedule;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public Instant getEnabledTime() {
        return enabledTime;
    }

    @Override
    public Instant getLastUpdateTime() {
        return lastUpdateTime;
    }

    @Override
    public Long getLockDurationSeconds() {
        return lockDurationSeconds;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject().field(NAME, name).field(KIND, kind);
        if (targetId != null) {
            builder.field(TARGET_ID, targetId);
        }
        builder.field(SCHEDULE, schedule).field(ENABLED, enabled);
        if (enabledTime != null) {
            builder.field(ENABLED_TIME, enabledTime.toEpochMilli());
        }
        builder.field(LAST_UPDATE_TIME, lastUpdateTime.toEpochMilli());
        if (lockDurationSeconds != null) {
            builder.field(LOCK_DURATION_SECONDS, lockDurationSeconds);
        }
        return builder.endObject();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o instanceof AiopsJobParameter == false) {
            return false;
        }
        AiopsJobParameter that = (AiopsJobParameter) o;
        return enabled == that.enabled
                && name.equals(that.name)
                && kind.equals(that.kind)
                && Objects.equals(targetId, that.targetId)
                && schedule.equals(that.schedule)
                && Objects.equals(enabledTime, that.enabledTime)
                && lastUpdateTime.equals(that.lastUpdateTime)
                && Objects.equals(lockDurationSeconds, that.lockDurationSeconds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
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
