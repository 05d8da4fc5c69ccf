/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.pca;

import static org.opensearch.action.ValidateActions.addValidationError;

import java.io.IOException;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

public final class FitPcaRequest extends ActionRequest {

    public static final String NAME = "name";
    public static final String INDEX = "index";
    public static final String FIELD = "field";
    public static final String VARIANCE = "variance";
    public static final String MAX_SAMPLES = "max_samples";

    private final String name;
    private final String index;
    private final String field;
    private final double variance;
    private final int maxSamples;

    public FitPcaRequest(String name, String index, String field, double variance, int maxSamples) {
        this.name = name;
        this.index = index;
        this.field = field;
        this.variance = variance;
        this.maxSamples = maxSamples;
    }

    public FitPcaRequest(StreamInput in) throws IOException {
        super(in);
        this.name = in.readString();
        this.index = in.readString();
        this.field = in.readString();
        this.variance = in.readDouble();
        this.maxSamples = in.readVInt();
    }

    String name() {
        return name;
    }

    String index() {
        return index;
    }

    String field() {
        return field;
    }

    double variance() {
        return variance;
    }

    int maxSamples() {
        return maxSamples;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeString(name);
        out.writeString(index);
        out.writeString(field);
        out.writeDouble(variance);
        out.writeVInt(maxSamples);
    }

    @Override
    public ActionRequestValidationException validate() {
        ActionRequestValidationException errors = null;
        if (name == null || name.isEmpty() || name.startsWith("_")) {
            errors =
                    addValidationError(
                            "[" + NAME + "] must be a non-empty string not starting with _",
                            errors);
        }
        if ((variance > 0 && variance <= 1) == false) {
            errors =
                    addValidationError(
                            "[" + VARIANCE + "] must be in (0, 1], got [" + variance + "]", errors);
        }
        if (maxSamples < 2 || maxSamples > 10_000) {
            errors =
                    addValidationError(
                            "["
                                    + MAX_SAMPLES
                                    + "] must be between 2 and 10000, got ["
                                    + maxSamples
                                    + "]",
                            errors);
        }
        return errors;
    }
}
