/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.opensearch.aiops.context.CodeContextService;
import org.opensearch.aiops.context.CodeContextText;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.Processor;

/**
 * Reads and validates the {@code code_context} options; a bad option fails pipeline creation with
 * its name.
 */
public final class CodeContextProcessorFactory implements Processor.Factory {

    private final Supplier<CodeContextService> service;

    public CodeContextProcessorFactory(Supplier<CodeContextService> service) {
        this.service = service;
    }

    @Override
    public CodeContextProcessor create(
            Map<String, Processor.Factory> factories,
            String tag,
            String description,
            Map<String, Object> config) {
        String type = CodeContextProcessor.TYPE;
        String targetField =
                ConfigurationUtils.readStringProperty(
                        type, tag, config, "target_field", "code_context");
        String parametersKey =
                ConfigurationUtils.readStringProperty(
                        type, tag, config, "parameters_key", "code.parameters");
        String returnKey =
                ConfigurationUtils.readStringProperty(
                        type, tag, config, "return_key", "code.return");
        String vector =
                ConfigurationUtils.readStringProperty(type, tag, config, "vector", "reference");
        String pca = ConfigurationUtils.readOptionalStringProperty(type, tag, config, "pca");
        String modelId =
                ConfigurationUtils.readOptionalStringProperty(type, tag, config, "model_id");
        if (modelId != null && modelId.isBlank()) {
            throw ConfigurationUtils.newConfigurationException(
                    type, tag, "model_id", "must name a deployed ML Commons text-embedding model");
        }
        CodeContextProcessor.VectorMode mode;
        try {
            mode = CodeContextProcessor.VectorMode.valueOf(vector.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConfigurationUtils.newConfigurationException(
                    type,
                    tag,
                    "vector",
                    "must be one of "
                            + Arrays.toString(CodeContextProcessor.VectorMode.values())
                                    .toLowerCase(Locale.ROOT)
                            + ", got ["
                            + vector
                            + "]");
        }
        CodeContextService codeContexts = service.get();
        if (pca != null && codeContexts != null) {
            codeContexts.preloadProjection(
                    pca); // so the pipeline's first documents find it in memory
        }
        return new CodeContextProcessor(
                tag,
                description,
                targetField,
                new CodeContextText(parametersKey, returnKey),
                mode,
                pca,
                modelId,
                service);
    }
}
