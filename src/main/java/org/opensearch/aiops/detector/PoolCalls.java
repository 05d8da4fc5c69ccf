/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.function.Consumer;

import org.opensearch.action.support.PlainActionFuture;
import org.opensearch.core.action.ActionListener;

/**
 * Waits for an asynchronous call. Only training and scoring, which run on the plugin's own bounded
 * pools ({@code aiops_train}, {@code aiops_score}), may wait; requests never do.
 */
public final class PoolCalls {

    public static <T> T await(Consumer<ActionListener<T>> call) {
        assert Thread.currentThread().getName().contains("[aiops_")
                : "waiting on " + Thread.currentThread().getName();
        PlainActionFuture<T> future = PlainActionFuture.newFuture();
        call.accept(future);
        return future.actionGet();
    }

    private PoolCalls() {}
}
