/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import static org.opensearch.action.ValidateActions.addValidationError;

import java.io.IOException;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

public final class DeleteTemplatesRequest extends ActionRequest {

    private final String namespace;

    public DeleteTemplatesRequest(String namespace) {
        this.namespace = namespace;
    }

    public DeleteTemplatesRequest(StreamInput in) throws IOException {
        super(in);
        this.namespace = in.readOptionalString();
    }

    String namespace() {
        return namespace;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeOptionalString(namespace);
    }

    @Override
    public ActionRequestValidationException validate() {
        return namespace == null || namespace.isEmpty()
                ? addValidationError("[namespace] is required", null)
                : null;
    }
}
