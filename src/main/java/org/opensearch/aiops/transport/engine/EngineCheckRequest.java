/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.engine;

import java.io.IOException;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

public final class EngineCheckRequest extends ActionRequest {

    private final long seed;

    public EngineCheckRequest(long seed) {
        this.seed = seed;
    }

    public EngineCheckRequest(StreamInput in) throws IOException {
        super(in);
        this.seed = in.readLong();
    }

    public long seed() {
        return seed;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeLong(seed);
    }

    @Override
    public ActionRequestValidationException validate() {
        return null;
    }
}
