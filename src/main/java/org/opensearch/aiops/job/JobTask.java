/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.job;

/**
 * The work one kind of job does at each run; registered with {@link AiopsJobRunner} by the feature
 * that owns the kind.
 */
@FunctionalInterface
public interface JobTask {
    void run(AiopsJobParameter job) throws Exception;
}
