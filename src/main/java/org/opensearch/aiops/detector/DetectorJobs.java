package org.opensearch.aiops.detector;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.jobscheduler.spi.schedule.IntervalSchedule;

/** Real-time scoring as Job Scheduler jobs in {@code .plugins-aiops-jobs}: one job per detector, id = detector id. */
public final class DetectorJobs {

    public static final String KIND = "detector";

    private final SystemIndexAccess access;

    public DetectorJobs(SystemIndexAccess access) {
        this.access = access;
    }

    /** Enables (or re-enables) the detector's job with its interval. */
    public void enable(String id, Detector detector, long now) {
        long seconds = Math.max(1, detector.interval().seconds());
        AiopsJobParameter job = new AiopsJobParameter(
            "detector-" + id,
            KIND,
            id,
            new IntervalSchedule(Instant.ofEpochMilli(now), (int) seconds, ChronoUnit.SECONDS),
            true,
            Instant.ofEpochMilli(now),
            Instant.ofEpochMilli(now),
            Math.max(60L, 2 * seconds)
        );
        write(id, job);
    }

    /** Disables the job, keeping its document (Job Scheduler then stops scheduling it). */
    public void disable(String id) {
        AiopsJobParameter job = get(id);
        if (job == null) {
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
                job.getLockDurationSeconds()
            )
        );
    }

    public void delete(String id) {
        if (access.exists(AiopsIndices.JOBS)) {
            DeleteRequest delete = new DeleteRequest(AiopsIndices.JOBS, id).setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
            access.<DeleteResponse>sync(l -> access.client().delete(delete, l));
        }
    }

    public AiopsJobParameter get(String id) {
        if (access.exists(AiopsIndices.JOBS) == false) {
            return null;
        }
        GetResponse response = access.sync(l -> access.client().get(new GetRequest(AiopsIndices.JOBS, id), l));
        if (response.isExists() == false) {
            return null;
        }
        try (
            var parser = JsonXContent.jsonXContent.createParser(
                NamedXContentRegistry.EMPTY,
                DeprecationHandler.IGNORE_DEPRECATIONS,
                response.getSourceAsString()
            )
        ) {
            return AiopsJobParser.parse(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String id, AiopsJobParameter job) {
        access.ensureSync(AiopsIndices.JOBS);
        try {
            IndexRequest request = new IndexRequest(AiopsIndices.JOBS).id(id)
                .source(job.toXContent(XContentFactory.jsonBuilder(), ToXContent.EMPTY_PARAMS))
                .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
            access.<IndexResponse>sync(l -> access.client().index(request, l));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
