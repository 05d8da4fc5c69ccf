/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.ParseResult;
import org.opensearch.aiops.template.store.TemplateService;
import org.opensearch.ingest.AbstractProcessor;
import org.opensearch.ingest.IngestDocument;

/**
 * {@code log_template}: parses a log line into its template online (Drain) and writes {@code id},
 * {@code template}, {@code parameters} and {@code change} under the target field. Template state
 * lives per namespace in the node's {@link TemplateService}, persisted and shared across nodes by
 * the template sync.
 */
public final class LogTemplateProcessor extends AbstractProcessor {

    public static final String TYPE = "log_template";

    private final String field;
    private final String targetField;
    private final String namespace;
    private final boolean ignoreMissing;
    private final DrainConfig config;
    private final Supplier<TemplateService> service;

    LogTemplateProcessor(
            String tag,
            String description,
            String field,
            String targetField,
            String namespace,
            boolean ignoreMissing,
            DrainConfig config,
            Supplier<TemplateService> service) {
        super(tag, description);
        this.field = field;
        this.targetField = targetField;
        this.namespace = namespace;
        this.ignoreMissing = ignoreMissing;
        this.config = config;
        this.service = service;
    }

    @Override
    public IngestDocument execute(IngestDocument document) {
        Object value = document.getFieldValue(field, Object.class, ignoreMissing);
        if (value == null) {
            if (ignoreMissing) {
                return document;
            }
            throw new IllegalArgumentException(
                    "field [" + field + "] is null, cannot parse a log template from it");
        }
        if (value instanceof String == false) {
            throw new IllegalArgumentException(
                    "field ["
                            + field
                            + "] of type ["
                            + value.getClass().getSimpleName()
                            + "] cannot be parsed as a log line: it must be a string");
        }
        String ns = namespaceOf(document);
        ParseResult result = service.get().parse(ns, config, (String) value);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("id", result.id());
        output.put("template", result.template());
        if (config.extractParameters()) {
            output.put("parameters", result.parameters());
        }
        output.put("change", result.change().toString());
        output.put("namespace", ns);
        document.setFieldValue(targetField, output);
        return document;
    }

    /**
     * The namespace option names a document field when the document has it (e.g. service.name);
     * else it is literal.
     */
    private String namespaceOf(IngestDocument document) {
        if (document.hasField(namespace)) {
            Object value = document.getFieldValue(namespace, Object.class);
            if (value instanceof String s && s.isEmpty() == false) {
                return s;
            }
            throw new IllegalArgumentException(
                    "namespace field ["
                            + namespace
                            + "] must be a non-empty string, got ["
                            + value
                            + "]");
        }
        return namespace;
    }

    @Override
    public String getType() {
        return TYPE;
    }
}
