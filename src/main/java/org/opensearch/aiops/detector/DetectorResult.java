/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.input.DocumentRef;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.index.query.QueryBuilder;

/**
 * One result document, the same for every unit: what was scored ({@code unit}, entity, the ids to
 * drill down), when, the scores, whether it is an anomaly, its class, what drove it, and how to
 * find its source documents again.
 *
 * @param traceId trace of an event or trace result, else null
 * @param spanId span of an event result, else null
 * @param session session key of a session result, else null
 * @param documents the source documents (index, id) the result stands for
 * @param query a query that finds the scored data again in {@code indices}
 */
public record DetectorResult(
        String detectorId,
        Detector detector,
        ResultUnit unit,
        Map<String, Object> entity,
        String entityKey,
        String traceId,
        String spanId,
        String session,
        long dataStartTime,
        long dataEndTime,
        long executionTime,
        DetectorScore score,
        double threshold,
        List<Contribution> contributions,
        List<DocumentRef> documents,
        QueryBuilder query)
        implements ToXContentObject {

    public boolean isAnomaly() {
        return score.alarmScore() > threshold;
    }

    public double anomalyGrade() {
        return isAnomaly() && threshold < 1
                ? Math.min(1.0, (score.alarmScore() - threshold) / (1 - threshold))
                : 0.0;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        builder.field("detector_id", detectorId)
                .field("detector_name", detector.name())
                .field("detector_type", detector.type());
        builder.field("unit", unit.label());
        if (entity.isEmpty() == false) {
            builder.field("entity", entity);
        }
        if (unit == ResultUnit.EVENT) {
            // the keys of a flat_object cannot be aggregated on OpenSearch 3.6: _root_cause
            // counts events per pod and service through these keyword copies
            builder.field("call", entity);
        }
        builder.field("entity_key", entityKey);
        TrainingProgress.optional(builder, "trace_id", traceId);
        TrainingProgress.optional(builder, "span_id", spanId);
        TrainingProgress.optional(builder, "session", session);
        builder.field("data_start_time", dataStartTime)
                .field("data_end_time", dataEndTime)
                .field("execution_time", executionTime);
        builder.field("score", score.score())
                .field("alarm_score", score.alarmScore())
                .field("raw_score", score.raw());
        builder.field("threshold", threshold)
                .field("is_anomaly", isAnomaly())
                .field("anomaly_grade", anomalyGrade());
        builder.field("class", score.anomalyClass());
        builder.startArray("contributions");
        for (Contribution contribution : contributions) {
            contribution.toXContent(builder, params);
        }
        builder.endArray();
        documents(builder);
        builder.startObject("source");
        builder.field("indices", detector.source().indices())
                .field("time_field", detector.source().timeField());
        builder.field("query", query);
        documents(builder); // kept here too: the panel's evidence view reads source.documents
        builder.endObject();
        return builder.endObject();
    }

    private void documents(XContentBuilder builder) throws IOException {
        builder.startArray("documents");
        for (DocumentRef document : documents) {
            builder.startObject()
                    .field("index", document.index())
                    .field("id", document.id())
                    .endObject();
        }
        builder.endArray();
    }
}
