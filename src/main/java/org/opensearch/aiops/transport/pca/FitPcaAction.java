/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.pca;

import org.opensearch.action.ActionType;

/**
 * Fits a PCA projection over stored embeddings and stores it under a name, for the code_context
 * {@code pca} option.
 */
public final class FitPcaAction extends ActionType<FitPcaResponse> {

    public static final String NAME = "cluster:admin/aiops/code_context/fit_pca";
    public static final FitPcaAction INSTANCE = new FitPcaAction();

    private FitPcaAction() {
        super(NAME, FitPcaResponse::new);
    }
}
