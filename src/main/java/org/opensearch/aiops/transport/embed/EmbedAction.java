/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.embed;

import org.opensearch.action.ActionType;

/** Sentence embeddings of texts with the bundled all-MiniLM-L6-v2, in input order. */
public final class EmbedAction extends ActionType<EmbedResponse> {

    public static final String NAME = "cluster:admin/aiops/code_context/embed";
    public static final EmbedAction INSTANCE = new EmbedAction();

    private EmbedAction() {
        super(NAME, EmbedResponse::new);
    }
}
