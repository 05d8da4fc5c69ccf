/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import org.opensearch.action.ActionType;

/**
 * An operation on every node's live template state: report stats, run a sync round now, or forget a
 * namespace.
 */
public final class TemplateNodesAction extends ActionType<TemplateNodesResponse> {

    public static final String NAME = "cluster:admin/aiops/templates/nodes";
    public static final TemplateNodesAction INSTANCE = new TemplateNodesAction();

    public enum Operation {
        STATS,
        SYNC,
        FORGET
    }

    private TemplateNodesAction() {
        super(NAME, TemplateNodesResponse::new);
    }
}
