/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import static org.opensearch.action.ValidateActions.addValidationError;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

public final class ParseTemplatesRequest extends ActionRequest {

    public static final String NAMESPACE = "namespace";
    public static final String LINES = "lines";
    public static final String CONFIG = "config";
    public static final int MAX_LINES = 10_000;

    private final String namespace;
    private final List<String> lines;
    private final Map<String, Object> config;

    public ParseTemplatesRequest(String namespace, List<String> lines, Map<String, Object> config) {
        this.namespace = namespace;
        this.lines = lines;
        this.config = config;
    }

    public ParseTemplatesRequest(StreamInput in) throws IOException {
        super(in);
        this.namespace = in.readString();
        this.lines = in.readStringList();
        this.config = in.readMap();
    }

    String namespace() {
        return namespace;
    }

    List<String> lines() {
        return lines;
    }

    Map<String, Object> config() {
        return config;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeString(namespace);
        out.writeStringCollection(lines);
        out.writeMap(config);
    }

    @Override
    public ActionRequestValidationException validate() {
        ActionRequestValidationException errors = null;
        if (namespace == null || namespace.isEmpty()) {
            errors = addValidationError("[" + NAMESPACE + "] must be a non-empty string", errors);
        }
        if (lines == null || lines.isEmpty()) {
            errors =
                    addValidationError(
                            "[" + LINES + "] must be a non-empty array of strings", errors);
        } else if (lines.size() > MAX_LINES) {
            errors =
                    addValidationError(
                            "["
                                    + LINES
                                    + "] has "
                                    + lines.size()
                                    + " entries, more than "
                                    + MAX_LINES,
                            errors);
        }
        return errors;
    }
}
