/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.engine;

import org.opensearch.action.ActionType;

/**
 * Trains a tiny autoencoder and LSTM and embeds one sentence on this node: the neural runtime's
 * smoke test.
 */
public final class EngineCheckAction extends ActionType<EngineCheckResponse> {

    public static final String NAME = "cluster:admin/aiops/engine/check";
    public static final EngineCheckAction INSTANCE = new EngineCheckAction();

    private EngineCheckAction() {
        super(NAME, EngineCheckResponse::new);
    }
}
