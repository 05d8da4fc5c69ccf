/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import static org.opensearch.action.ValidateActions.addValidationError;

import java.io.IOException;
import java.util.List;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.aiops.template.store.StoredTemplate;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** Either one template by {@code id}, or a page of templates filtered by {@code namespace}. */
public final class ListTemplatesRequest extends ActionRequest {

    public static final List<String> SORTS =
            List.of(StoredTemplate.COUNT, StoredTemplate.LAST_SEEN, StoredTemplate.FIRST_SEEN);
    public static final int MAX_WINDOW = 10_000;

    private final String id;
    private final String namespace;
    private final String sort;
    private final int from;
    private final int size;

    public static ListTemplatesRequest byId(String id) {
        return new ListTemplatesRequest(id, null, StoredTemplate.COUNT, 0, 1);
    }

    public ListTemplatesRequest(String id, String namespace, String sort, int from, int size) {
        this.id = id;
        this.namespace = namespace;
        this.sort = sort;
        this.from = from;
        this.size = size;
    }

    public ListTemplatesRequest(StreamInput in) throws IOException {
        super(in);
        this.id = in.readOptionalString();
        this.namespace = in.readOptionalString();
        this.sort = in.readString();
        this.from = in.readVInt();
        this.size = in.readVInt();
    }

    String id() {
        return id;
    }

    String namespace() {
        return namespace;
    }

    String sort() {
        return sort;
    }

    int from() {
        return from;
    }

    int size() {
        return size;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeOptionalString(id);
        out.writeOptionalString(namespace);
        out.writeString(sort);
        out.writeVInt(from);
        out.writeVInt(size);
    }

    @Override
    public ActionRequestValidationException validate() {
        ActionRequestValidationException errors = null;
        if (SORTS.contains(sort) == false) {
            errors =
                    addValidationError(
                            "[sort] must be one of " + SORTS + ", got [" + sort + "]", errors);
        }
        if (from < 0) {
            errors = addValidationError("[from] must be >= 0, got [" + from + "]", errors);
        }
        if (size < 1 || size > 1000) {
            errors =
                    addValidationError(
                            "[size] must be between 1 and 1000, got [" + size + "]", errors);
        }
        if ((long) from + size > MAX_WINDOW) {
            errors = addValidationError("[from] + [size] must be <= " + MAX_WINDOW, errors);
        }
        return errors;
    }
}
