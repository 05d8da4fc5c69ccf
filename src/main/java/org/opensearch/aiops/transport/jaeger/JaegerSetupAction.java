/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.jaeger;

import org.opensearch.action.ActionType;

/**
 * Installs the span pipeline and makes it the default pipeline of Jaeger's span indices, now and to
 * come.
 */
public final class JaegerSetupAction extends ActionType<JaegerSetupResponse> {

    public static final String NAME = "cluster:admin/aiops/jaeger/setup";
    public static final JaegerSetupAction INSTANCE = new JaegerSetupAction();

    /**
     * The ingest pipeline, and the legacy index template that sets it (merged over Jaeger's own
     * template by order).
     */
    public static final String PIPELINE = "aiops-jaeger-spans";

    public static final String TEMPLATE = "aiops-jaeger-span";
    public static final String SPAN_INDICES = "*jaeger-span-*";

    private JaegerSetupAction() {
        super(NAME, JaegerSetupResponse::new);
    }
}
