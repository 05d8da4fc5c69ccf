/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code code_context} processor's output on a span: the masked text of the code it ran, its
 * hash, and the embedding ({@code vector}, present only with {@code vector: inline}; else null: it
 * sits in the contexts index under the hash) and its PCA projection ({@code reduced}, present only
 * with {@code pca}; else null).
 */
public record SpanCodeContext(String text, String hash, float[] vector, float[] reduced) {

    public SpanCodeContext {
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * The output object, or null when the span has none or it is not one (no hash: nothing
     * identifies the context).
     */
    static SpanCodeContext of(Object output) {
        if (output instanceof Map<?, ?> map
                && map.get("hash") instanceof String hash
                && hash.isEmpty() == false) {
            Object text = map.get("text");
            return new SpanCodeContext(
                    text == null ? null : text.toString(),
                    hash,
                    floats(map.get("vector")),
                    floats(map.get("reduced")));
        }
        return null;
    }

    /** A list of numbers as floats; null when absent or not all numbers. */
    private static float[] floats(Object value) {
        if (value instanceof List<?> list) {
            float[] floats = new float[list.size()];
            for (int i = 0; i < floats.length; i++) {
                if (list.get(i) instanceof Number number) {
                    floats[i] = number.floatValue();
                } else {
                    return null;
                }
            }
            return floats;
        }
        return value instanceof float[] array ? array.clone() : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpanCodeContext other
                && Objects.equals(text, other.text)
                && hash.equals(other.hash)
                && Arrays.equals(vector, other.vector)
                && Arrays.equals(reduced, other.reduced);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, hash, Arrays.hashCode(vector), Arrays.hashCode(reduced));
    }

    @Override
    public String toString() {
        return "SpanCodeContext["
                + hash
                + " "
                + text
                + (vector == null ? "" : " vector[" + vector.length + "]")
                + "]";
    }
}
