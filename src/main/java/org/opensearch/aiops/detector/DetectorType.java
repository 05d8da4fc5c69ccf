/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;

import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentParser;

/**
 * One kind of detector (metric_knn, …). It declares its input, its model scope and its result unit,
 * and parses its own params; the platform does the rest (resource, training task, checkpoints,
 * jobs, results, profile, memory breaker). What a type trains on depends on its input: {@link
 * SeriesDetectorType} for {@link DetectorInput#METRIC}.
 *
 * @param <P> the type's params class
 */
public interface DetectorType<P extends DetectorParams> {

    String name();

    DetectorInput input();

    ModelScope scope();

    ResultUnit unit();

    Class<P> paramsClass();

    /**
     * Parses the {@code params} object the parser stands on; every error names the field, e.g.
     * {@code params.k}.
     */
    P parseParams(XContentParser parser) throws IOException;

    /** The params when the detector gives none. */
    P defaultParams();

    Writeable.Reader<P> paramsReader();

    /**
     * The detector's params as this type's class (the platform keeps them as {@link
     * DetectorParams}).
     */
    default P params(Detector detector) {
        return paramsClass().cast(detector.params());
    }
}
