/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.opensearch.action.delete.DeleteRequest;
import org.opensearch.action.delete.DeleteResponse;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.index.IndexResponse;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.aiops.job.AiopsJobParameter;
import org.opensearch.aiops.job.AiopsJobParser;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.jobscheduler.spi.schedule.IntervalSchedule;

/**
 * Real-time scoring as Job Scheduler jobs in {@code .plugins-aiops-jobs}: one job per detector, id
 * = detector id.
 */
public final class DetectorJobs {

    public static final String KIND = "detector";

    private final SystemIndexAccess access;

    public DetectorJobs(SystemIndexAccess access) {
        this.access = access;
    }

    /** Enables (or re-enables) the detector's job with its interval. */
    public void enable(String id, Detector detector, long now, ActionListener<Void> listener) {
        long seconds = Math.max(1, detector.interval().seconds());
        AiopsJobParameter job =
                new AiopsJobParameter(
                        "detector-" + id,
                        KIND,
                        id,
                        new IntervalSchedule(
                                Instant.ofEpochMilli(now), (int) seconds, ChronoUnit.SECONDS),
                        true,
                        Instant.ofEpochMilli(now),
                        Instant.ofEpochMilli(now),
                        Math.max(60L, 2 * seconds));
        write(id, job, listener);
    }

    /**
     * Disables the job, keeping its document (Job Scheduler then stops scheduling it); nothing to
     * do without one.
     */
    public void disable(String id, ActionListener<Void> listener) {
        get(
                id,
                ActionListener.wrap(
                        job -> {
                            if (job == null) {
                                listener.onResponse(null);
                                return;
                            }
                            write(
                                    id,
                                    new AiopsJobParameter(
                                            job.getName(),
                                            job.getKind(),
                                            job.getTargetId(),
                                            job.getSchedule(),
                                            false,
                                            job.getEnabledTime(),
                                            Instant.now(),
                                            job.getLockDurationSeconds()),
                                    listener);
                        },
                        listener::onFailure));
    }

    public void delete(String id, ActionListener<Void> listener) {
        if (access.exists(AiopsIndices.JOBS) == false) {
            listener.onResponse(null);
            return;
        }
        DeleteRequest delete =
                new DeleteRequest(AiopsIndices.JOBS, id)
                        .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        access.<DeleteResponse>run(
                l -> access.client().delete(delete, l), ActionListener.map(listener, r -> null));
    }

    /** The detector's job, or null without one. */
    public void get(String id, ActionListener<AiopsJobParameter> listener) {
        if (access.exists(AiopsIndices.JOBS) == false) {
            listener.onResponse(null);
            return;
        }
        access.<GetResponse>run(
                l -> access.client().get(new GetRequest(AiopsIndices.JOBS, id), l),
                ActionListener.wrap(
                        response -> {
                            if (response.isExists() == false) {
                                listener.onResponse(null);
                                return;
                            }
                            try (var parser =
                                    JsonXContent.jsonXContent.createParser(
                                            NamedXContentRegistry.EMPTY,
                                            DeprecationHandler.IGNORE_DEPRECATIONS,
                                            response.getSourceAsString())) {
                                listener.onResponse(AiopsJobParser.parse(parser));
                            }
                        },
                        listener::onFailure));
    }

    private void write(String id, AiopsJobParameter job, ActionListener<Void> listener) {
        access.ensure(
                AiopsIndices.JOBS,
                ActionListener.wrap(
                        ignored -> {
                            IndexRequest request =
                                    new IndexRequest(AiopsIndices.JOBS)
                                            .id(id)
                                            .source(
                                                    job.toXContent(
                                                            XContentFactory.jsonBuilder(),
                                                            ToXContent.EMPTY_PARAMS))
                                            .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
                            access.<IndexResponse>run(
                                    l -> access.client().index(request, l),
                                    ActionListener.map(listener, r -> null));
                        },
                        listener::onFailure));
    }
}
