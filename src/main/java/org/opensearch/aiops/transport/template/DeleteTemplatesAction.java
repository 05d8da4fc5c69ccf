/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import org.opensearch.action.ActionType;

/** Forgets a namespace: every node drops it from memory, then its stored templates are deleted. */
public final class DeleteTemplatesAction extends ActionType<DeleteTemplatesResponse> {

    public static final String NAME = "cluster:admin/aiops/templates/delete";
    public static final DeleteTemplatesAction INSTANCE = new DeleteTemplatesAction();

    private DeleteTemplatesAction() {
        super(NAME, DeleteTemplatesResponse::new);
    }
}
