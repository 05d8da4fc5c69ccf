/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.store.TemplateService;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.Processor;

/**
 * Reads and validates the {@code log_template} options; a bad option fails pipeline creation with
 * its name.
 */
public final class LogTemplateProcessorFactory implements Processor.Factory {

    private final Supplier<TemplateService> service;

    public LogTemplateProcessorFactory(Supplier<TemplateService> service) {
        this.service = service;
    }

    @Override
    public LogTemplateProcessor create(
            Map<String, Processor.Factory> factories,
            String tag,
            String description,
            Map<String, Object> config) {
        String field =
                ConfigurationUtils.readStringProperty(
                        LogTemplateProcessor.TYPE, tag, config, "field", "message");
        String targetField =
                ConfigurationUtils.readStringProperty(
                        LogTemplateProcessor.TYPE, tag, config, "target_field", "log_template");
        String namespace =
                ConfigurationUtils.readStringProperty(
                        LogTemplateProcessor.TYPE, tag, config, "namespace", "default");
        boolean ignoreMissing =
                ConfigurationUtils.readBooleanProperty(
                        LogTemplateProcessor.TYPE, tag, config, "ignore_missing", false);
        Map<String, Object> drainOptions = new HashMap<>();
        for (String option :
                DrainConfig.OPTIONS) { // handed to DrainConfig.fromMap, which validates them
            if (config.containsKey(option)) {
                drainOptions.put(option, config.remove(option));
            }
        }
        DrainConfig drainConfig;
        try {
            drainConfig = DrainConfig.fromMap(drainOptions);
        } catch (IllegalArgumentException e) {
            throw ConfigurationUtils.newConfigurationException(
                    LogTemplateProcessor.TYPE, tag, null, e.getMessage());
        }
        return new LogTemplateProcessor(
                tag,
                description,
                field,
                targetField,
                namespace,
                ignoreMissing,
                drainConfig,
                service);
    }
}
