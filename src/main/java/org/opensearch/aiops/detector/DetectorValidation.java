/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.List;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * What {@code _validate} found: the issues that stop training, the training data it would read, the
 * memory training would take and the node's model memory (the last three absent when the mappings
 * already fail).
 */
public record DetectorValidation(
        List<String> issues,
        TrainingData training,
        Long estimatedTrainingBytes,
        ModelMemory modelMemory)
        implements Writeable, ToXContentObject {

    /**
     * Documents, entities, entities with enough points, the fewest points an entity needs and the
     * largest entity's points.
     */
    public record TrainingData(
            long documents,
            long entities,
            long entitiesWithEnoughData,
            int minPointsPerEntity,
            long largestEntity)
            implements Writeable {

        public TrainingData(StreamInput in) throws IOException {
            this(in.readVLong(), in.readVLong(), in.readVLong(), in.readVInt(), in.readVLong());
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            out.writeVLong(documents);
            out.writeVLong(entities);
            out.writeVLong(entitiesWithEnoughData);
            out.writeVInt(minPointsPerEntity);
            out.writeVLong(largestEntity);
        }
    }

    public DetectorValidation {
        issues = List.copyOf(issues);
    }

    public boolean valid() {
        return issues.isEmpty();
    }

    public DetectorValidation(StreamInput in) throws IOException {
        this(
                in.readStringList(),
                in.readOptionalWriteable(TrainingData::new),
                in.readOptionalLong(),
                in.readOptionalWriteable(ModelMemory::new));
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeStringCollection(issues);
        out.writeOptionalWriteable(training);
        out.writeOptionalLong(estimatedTrainingBytes);
        out.writeOptionalWriteable(modelMemory);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        TrainingProgress.optional(builder, "estimated_training_bytes", estimatedTrainingBytes);
        TrainingProgress.optional(builder, "model_memory", modelMemory);
        builder.field("valid", valid()).field("issues", issues);
        builder.startObject("training");
        if (training != null) {
            builder.field("documents", training.documents())
                    .field("entities", training.entities())
                    .field("entities_with_enough_data", training.entitiesWithEnoughData())
                    .field("min_points_per_entity", training.minPointsPerEntity());
        }
        builder.endObject();
        return builder.endObject();
    }
}
