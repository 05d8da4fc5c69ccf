/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.embed;

import static org.opensearch.action.ValidateActions.addValidationError;

import java.io.IOException;
import java.util.List;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

public final class EmbedRequest extends ActionRequest {

    public static final String TEXTS = "texts";

    private final List<String> texts;
    private final int maxTexts;

    public EmbedRequest(List<String> texts, int maxTexts) {
        this.texts = texts;
        this.maxTexts = maxTexts;
    }

    public EmbedRequest(StreamInput in) throws IOException {
        super(in);
        this.texts = in.readStringList();
        this.maxTexts = in.readVInt();
    }

    public List<String> texts() {
        return texts;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeStringCollection(texts);
        out.writeVInt(maxTexts);
    }

    @Override
    public ActionRequestValidationException validate() {
        ActionRequestValidationException errors = null;
        if (texts == null || texts.isEmpty()) {
            errors =
                    addValidationError(
                            "[" + TEXTS + "] must be a non-empty array of strings", errors);
        } else if (texts.size() > maxTexts) {
            errors =
                    addValidationError(
                            "["
                                    + TEXTS
                                    + "] has "
                                    + texts.size()
                                    + " entries, more than plugins.aiops.embed.max_texts ["
                                    + maxTexts
                                    + "]",
                            errors);
        }
        return errors;
    }
}
