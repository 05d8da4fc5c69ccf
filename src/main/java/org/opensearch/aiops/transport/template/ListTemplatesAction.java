/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import org.opensearch.action.ActionType;

/** Stored templates of a namespace (or all), sorted and paged; also one template by id. */
public final class ListTemplatesAction extends ActionType<ListTemplatesResponse> {

    public static final String NAME = "cluster:admin/aiops/templates/get";
    public static final ListTemplatesAction INSTANCE = new ListTemplatesAction();

    private ListTemplatesAction() {
        super(NAME, ListTemplatesResponse::new);
    }
}
