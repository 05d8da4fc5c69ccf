/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import org.opensearch.action.ActionType;

/**
 * Dry run: templates of lines under a configuration, against a copy of the namespace's templates;
 * nothing stored.
 */
public final class ParseTemplatesAction extends ActionType<ParseTemplatesResponse> {

    public static final String NAME = "cluster:admin/aiops/templates/parse";
    public static final ParseTemplatesAction INSTANCE = new ParseTemplatesAction();

    private ParseTemplatesAction() {
        super(NAME, ParseTemplatesResponse::new);
    }
}
