/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.opensearch.indices.SystemIndexDescriptor;

/**
 * Names of the plugin's system indices and their mappings, which live as JSON resources under
 * {@code mappings/}.
 */
public final class AiopsIndices {

    /** Job Scheduler job documents (one per scheduled detector or training job). */
    public static final String JOBS = ".plugins-aiops-jobs";

    /** Log templates learned by the log_template processor, shared by all ingest nodes. */
    public static final String TEMPLATES = ".plugins-aiops-templates";

    /** One document per unique code context of spans: text and sentence embedding. */
    public static final String CODE_CONTEXTS = ".plugins-aiops-code-contexts";

    /** Fitted projections (PCA) applied by processors and detectors. */
    public static final String PROJECTIONS = ".plugins-aiops-projections";

    /** Detector configurations. */
    public static final String DETECTORS = ".plugins-aiops-detectors";

    /** Each detector's state and profile (training progress, model summary, last run). */
    public static final String DETECTOR_STATE = ".plugins-aiops-detector-state";

    /** Trained models, serialized and split into chunks, one set per detector and entity. */
    public static final String CHECKPOINTS = ".plugins-aiops-checkpoints";

    /**
     * Default result index (an alias over rollover-friendly {@code aiops-results-NNNNNN} indices).
     */
    public static final String RESULTS = "aiops-results";

    public static List<SystemIndexDescriptor> systemIndexDescriptors() {
        return List.of(
                new SystemIndexDescriptor(JOBS, "AIOps scheduled jobs"),
                new SystemIndexDescriptor(TEMPLATES, "AIOps log templates"),
                new SystemIndexDescriptor(
                        CODE_CONTEXTS, "AIOps code contexts and their embeddings"),
                new SystemIndexDescriptor(PROJECTIONS, "AIOps fitted projections"),
                new SystemIndexDescriptor(DETECTORS, "AIOps detector configurations"),
                new SystemIndexDescriptor(DETECTOR_STATE, "AIOps detector states and profiles"),
                new SystemIndexDescriptor(CHECKPOINTS, "AIOps model checkpoints"));
    }

    /** The mapping of {@code index} from {@code mappings/<index without leading dot>.json}. */
    public static String mapping(String index) {
        String resource =
                "/mappings/" + (index.startsWith(".") ? index.substring(1) : index) + ".json";
        try (InputStream in = AiopsIndices.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no mapping resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AiopsIndices() {}
}
