/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.SpanCodeContext;

/**
 * An event's attribute vector A, group by group: durations, status, operation, code context and
 * templates (see {@link Group}). Nothing here depends on instance names: the operation is hashed
 * with the callee's service, code contexts and templates by their content.
 */
final class TraceEventFeatures {

    /** Attribute groups, in vector order, with their widths; contributions are named by them. */
    enum Group {
        /** log(1 + ms) of the caller's and callee's view of the call and of their difference. */
        DURATIONS(3),
        /** The callee reported an error. */
        STATUS(1),
        /** The callee's service and operation, hashed. */
        OPERATION(8),
        /**
         * The mean PCA-reduced code-context vector of the call (callee and inner spans), then 1
         * when the call has a context.
         */
        CODE_CONTEXT(CODE_DIMS + 1),
        /** The templates the callee logged in the span, hashed by content, then log(1 + lines). */
        TEMPLATES(16 + 1),
        /** How familiar the call's code path is for its operation (see {@link CodePathMemory}). */
        CODE_PATH(1);

        final int width;

        Group(int width) {
            this.width = width;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        int offset() {
            int offset = 0;
            for (Group g : values()) {
                if (g == this) {
                    return offset;
                }
                offset += g.width;
            }
            throw new AssertionError(this);
        }
    }

    /** Code-context dimensions kept: the projection's first ones (about 12 hold 95 % variance). */
    static final int CODE_DIMS = 12;

    static final int WIDTH = width();

    private TraceEventFeatures() {}

    private static int width() {
        int width = 0;
        for (Group g : Group.values()) {
            width += g.width;
        }
        return width;
    }

    /**
     * The raw (unscaled) attribute vector of {@code event}, whose code path has familiarity {@code
     * familiarity}.
     */
    static float[] of(CallEvent event, float familiarity) {
        float[] a = new float[WIDTH];
        int d = Group.DURATIONS.offset();
        a[d] = logMillis(event.callerDurationMicros());
        a[d + 1] = logMillis(event.calleeDurationMicros());
        a[d + 2] =
                logMillis(Math.max(0, event.callerDurationMicros() - event.calleeDurationMicros()));
        a[Group.STATUS.offset()] = event.error() ? 1 : 0;
        hashInto(a, Group.OPERATION, event.destinationService() + '\u0000' + event.operation(), 1f);
        codeContext(a, event.codeContexts());
        templates(a, event.templates());
        a[Group.CODE_PATH.offset()] = familiarity;
        return a;
    }

    /**
     * The mean of the contexts' vectors: the projection where a span has one, else the context's
     * identity hashed to a signed unit (a new context still differs).
     */
    private static void codeContext(float[] a, List<SpanCodeContext> contexts) {
        int from = Group.CODE_CONTEXT.offset();
        if (contexts.isEmpty()) {
            return;
        }
        a[from + CODE_DIMS] = 1;
        for (SpanCodeContext context : contexts) {
            float[] reduced = context.reduced();
            if (reduced != null) {
                for (int i = 0; i < Math.min(CODE_DIMS, reduced.length); i++) {
                    a[from + i] += reduced[i] / contexts.size();
                }
            } else {
                int bucket = Math.floorMod(hash(context.hash()), CODE_DIMS);
                a[from + bucket] +=
                        ((hash(context.hash() + "#") & 1) == 0 ? 1f : -1f) / contexts.size();
            }
        }
    }

    private static void templates(float[] a, List<String> templates) {
        if (templates.isEmpty()) {
            return;
        }
        for (String template : new LinkedHashSet<>(templates)) {
            hashInto(a, Group.TEMPLATES, template, 1f);
        }
        a[Group.TEMPLATES.offset() + Group.TEMPLATES.width - 1] =
                (float) Math.log1p(templates.size());
    }

    /** Signed feature hashing into the group's buckets (its last slot excluded for TEMPLATES). */
    private static void hashInto(float[] a, Group group, String key, float weight) {
        int buckets = group == Group.TEMPLATES ? group.width - 1 : group.width;
        int h = hash(key);
        a[group.offset() + Math.floorMod(h, buckets)] += (h >>> 31) == 0 ? weight : -weight;
    }

    private static float logMillis(long micros) {
        return (float) Math.log1p(Math.max(0, micros) / 1000.0);
    }

    /** FNV-1a over UTF-8: stable across JVMs and releases, unlike String.hashCode's contract. */
    static int hash(String text) {
        int h = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }
}
